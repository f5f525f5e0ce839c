"""What only the organisation that runs the site can say: its name, how to reach it, and the status and dates of
its accessibility statement. Read from the settings (the environment), never invented; see README, "Instellingen".
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings

# The pages under "Over deze site" that show the organisation's details (guidance/templates: _deployer.html).
PAGES = ("toegankelijkheid", "colofon", "privacy")
NATIONALE_OMBUDSMAN = "https://www.nationaleombudsman.nl/"


@dataclass(frozen=True)
class Deployer:
    organisation: str
    contact_email: str
    contact_url: str
    response_days: int | None
    statement_date: date | None
    audit_date: date | None
    status: str

    @property
    def has_contact(self):
        return bool(self.contact_email or self.contact_url)


def deployer():
    return Deployer(
        organisation=settings.LPO_ORGANISATION,
        contact_email=settings.LPO_CONTACT_EMAIL,
        contact_url=settings.LPO_CONTACT_URL,
        response_days=settings.LPO_RESPONSE_DAYS,
        statement_date=settings.LPO_STATEMENT_DATE,
        audit_date=settings.LPO_AUDIT_DATE,
        status=settings.LPO_ACCESSIBILITY_STATUS,
    )


def missing_settings():
    """The settings the statement, colofon and privacy pages still lack, for the warning in the admin."""
    found = deployer()
    needed = {
        "LPO_ORGANISATION": found.organisation,
        "LPO_CONTACT_EMAIL of LPO_CONTACT_URL": found.has_contact,
        "LPO_RESPONSE_DAYS": found.response_days,
        "LPO_STATEMENT_DATE": found.statement_date,
        "LPO_ACCESSIBILITY_STATUS": found.status,
    }
    return [name for name, value in needed.items() if not value]
