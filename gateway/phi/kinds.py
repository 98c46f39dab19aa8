"""The PHI kinds medgate detects: the 18 HIPAA Safe Harbor identifiers, as entity
types. These names appear in placeholders (<PERSON_1>), policies, audit counts and
corpora labels, so they are a public contract: add, never rename.
"""
from __future__ import annotations

KINDS: dict[str, str] = {
    "PERSON": "names of patients, relatives, clinicians and staff (any form: Last, First; initials; ALL CAPS)",
    "LOCATION": "geographic units below a state: street address, city, county, precinct, ZIP code, local places",
    "ORGANIZATION": "hospitals, clinics, practices, employers and other named facilities",
    "DATE": "any date element more specific than a year (day, month+day, admission/discharge/birth/death dates)",
    "AGE": "ages of 90 and over (ages under 90 are not PHI)",
    "PHONE": "telephone and fax numbers",
    "EMAIL": "e-mail addresses",
    "SSN": "social security numbers, including the last four digits with context",
    "MRN": "medical record numbers",
    "HEALTH_PLAN": "health plan beneficiary, member, Medicare MBI, Medicaid and group numbers",
    "ACCOUNT": "account, billing, encounter and visit numbers",
    "LICENSE": "certificate and license numbers: driver's license, DEA, NPI, state professional licenses",
    "VEHICLE": "vehicle identifiers: VIN, license plates",
    "DEVICE": "device identifiers and serial numbers, including UDI",
    "URL": "web addresses",
    "IP_ADDRESS": "IPv4 and IPv6 addresses",
    "ID": "any other unique identifying number or code: accession, specimen, case, claim, order numbers",
}
