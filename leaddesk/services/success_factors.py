"""Success factors: agreed measures in the words both use, and their calibrations."""

from __future__ import annotations

from datetime import date

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.feedback import Proposer
from leaddesk.domain.validation import clean_name, clean_optional_name, clean_text
from leaddesk.services.changes import ChangeArea
from leaddesk.services.delegations import DelegationsMixin
from leaddesk.store import models as m


class SuccessFactorsMixin(DelegationsMixin):
    """Use cases about agreeing on what success means for a delegation."""

    def add_success_factor(
        self,
        delegation_id: int,
        name: str,
        definition: str,
        target: str | None = None,
        unit: str | None = None,
        agreed_on: date | None = None,
    ) -> int:
        """Add an agreed measure in the words both use."""
        day = self._day(agreed_on, "Agreed on")
        with self._write(ChangeArea.FACTORS) as session:
            self._delegation_row(session, delegation_id)
            row = m.SuccessFactor(
                delegation_id=delegation_id,
                name=clean_name(name, "Name"),
                definition=clean_text(definition, "Agreed definition", required=True),
                target=clean_optional_name(target, "Target"),
                unit=clean_optional_name(unit, "Unit", 50),
                agreed_on=day,
            )
            session.add(row)
            session.flush()
            return row.id

    def calibrate_success_factor(
        self,
        factor_id: int,
        reason: str,
        proposed_by: Proposer,
        definition: str | None = None,
        target: str | None = None,
        on: date | None = None,
    ) -> None:
        """Change a factor's definition and/or target, keeping the old ones as a calibration."""
        day = self._day(on)
        why = clean_text(reason, "Reason", required=True)
        with self._write(ChangeArea.FACTORS) as session:
            row = self._get(session, m.SuccessFactor, factor_id, "success factor")
            if day < row.agreed_on:
                raise ValidationError(
                    f"A calibration cannot come before the factor was agreed ({row.agreed_on})."
                )
            new_def = (
                clean_text(definition, "Agreed definition", required=True)
                if (definition is not None)
                else row.definition
            )
            new_target = clean_optional_name(target, "Target") if target is not None else row.target
            if new_def == row.definition and new_target == row.target:
                raise ValidationError("Nothing changed: give a new definition or a new target.")
            session.add(
                m.Calibration(
                    factor_id=row.id,
                    on=day,
                    reason=why,
                    proposed_by=proposed_by.value,
                    old_definition=row.definition,
                    new_definition=new_def,
                    old_target=row.target,
                    new_target=new_target,
                )
            )
            row.definition = new_def
            row.target = new_target
