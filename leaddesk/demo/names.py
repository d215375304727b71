"""First and last names for the demo people, drawn as unique pairs (names are not used twice)."""

from leaddesk.demo.pools import words

FIRST_NAMES = words(
    """
Ada Amara Anika Aisha Alejandro Ali Amelia Ananya Andrei Anna Arjun Astrid Ben Bianca Camille
Carlos Chen Chiara Chloe Daniel Dara David Diego Dmitri Elena Elif Emeka Emma Esther Fatima Felix
Fiona Francesca Gabriel Grace Hana Hannah Hassan Helena Hugo Ibrahim Ines Ingrid Isaac Ivan Jack
Jamal Javier Jia Joana Jonas José Julia Kai Karin Kavya Kenji Kofi Lars Layla Leila Leo Lena Liam
Lina Lucas Lucía Luis Maja Malik Marco Maria Marta Mateo Maya Mei Mia Mohammed Nadia Naomi Nia
Nikhil Nils Noah Nora Olga Oliver Omar Oscar Paolo Paula Pedro Priya Rafael Rahul Rania Ravi Rosa
Ruth Sakura Samir Sara Sean Sofia Søren Stefan Sunita Tariq Thandiwe Theo Tomás Uma Valentina
Victor Wei Yara Yusuf Zainab Zara Zoë
"""
)
LAST_NAMES = words(
    """
Abara Adeyemi Ahmed Alvarez Andersen Bauer Becker Bergström Bianchi Brown Campbell Castillo
Chatterjee Chen Costa Dahl Das Dubois Eriksen Fernandes Fischer Fontaine García Gonzalez Gupta
Haddad Hansen Hartmann Hernández Hoffmann Ivanova Iyer Jansen Jensen Kapoor Kato Keller Khan Kim
Kowalski Kruger Lambert Larsen Laurent Lee Lindqvist Lopez Lund Mahlangu Martin Mendes Meyer Moreau
Müller Murphy Nakamura Nguyen Nielsen Novak Nowak Obi O'Brien Okafor Olsen Ortiz Park Patel Pereira
Petrov Popescu Quinn Rahman Ramos Rao Reyes Ricci Rossi Russo Sato Schmidt Schneider Silva Singh
Smith Sousa Suzuki Svensson Takahashi Tan Taylor Thomas Torres Umar Varga Vasquez Vogel Wagner
Walsh Wang Weber Wilson Wong Wójcik Yamamoto Yilmaz Zhang Zimmermann Zulu
"""
)
