"""Urdu as Pakistani readers write dates: day, month name, year ("27 نومبر 2026"), the month names
coming from Django's Urdu catalogue. Django has no Urdu formats module, so without this one Urdu pages
would take the English "Nov. 27, 2026" order. Digits stay 0-9, as official Pakistani sites print them."""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y، H:i"  # the Urdu comma
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

# Forms accept the ISO dates a date picker sends, then day-first dates as typed in Pakistan.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d/%m/%y"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M"]

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
# Lakh and crore: the last three digits, then twos (12,34,56,789), as tracker/models/money.py groups amounts.
NUMBER_GROUPING = (3, 2, 0)
