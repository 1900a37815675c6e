"""Money as Pakistani readers write it: "Rs 120 crore", "Rs 4.5 lakh", "Rs 45,000", with digits grouped
in lakhs and crores (12,34,56,789), never "PKR 1200000000".

The words around the number come from gettext with the context "money", so an Urdu rendering
("120 کروڑ روپے") is a translation in the catalogue, not code: the number goes in as `%(amount)s`
and each language puts it and the unit where its readers expect them. Amounts of a lakh or more are
rounded to two decimals of their unit; `exact_rupees` gives the whole figure for a reader who wants it.

It sits at the bottom of the layers (in `tracker.models`) so that every output, the public pages and
the public history alike, writes money the same way.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import pgettext

LAKH = 10**5
CRORE = 10**7
_CENT = Decimal("0.01")


def group_lakh(number):
    """An integer with its digits grouped as in Pakistan: the last three, then twos (12,34,56,789)."""
    number = int(number)
    sign = "-" if number < 0 else ""
    digits = str(abs(number))
    head, groups = digits[:-3], [digits[-3:]]
    while head:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return sign + ",".join(groups)


def _amount(value):
    """A Decimal for an amount given as a Decimal, int, float or numeric text; None for anything else."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        amount = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    return amount if amount.is_finite() else None


def _in_unit(amount, unit):
    """`amount` / `unit`, rounded to two decimals, as text without trailing zeros (4.5, 120, 1,200)."""
    rounded = (abs(amount) / unit).quantize(_CENT, rounding=ROUND_HALF_UP)
    whole, cents = divmod(rounded, 1)
    text = group_lakh(whole)
    if cents:
        text += str(cents.quantize(_CENT)).rstrip("0")[1:]  # ".5", ".25"
    return ("-" if amount < 0 else "") + text


def rupees(value):
    """ "Rs 120 crore", "Rs 4.5 lakh", "Rs 45,000"; "" when there is no amount."""
    amount = _amount(value)
    if amount is None:
        return ""
    whole = abs(amount).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    # The unit is chosen after rounding: 99,99,999.6 is "Rs 1 crore", not "Rs 100 lakh".
    if whole >= CRORE or (abs(amount) / LAKH).quantize(_CENT, rounding=ROUND_HALF_UP) >= 100:
        return pgettext("money", "Rs %(amount)s crore") % {"amount": _in_unit(amount, CRORE)}
    if whole >= LAKH:
        return pgettext("money", "Rs %(amount)s lakh") % {"amount": _in_unit(amount, LAKH)}
    return exact_rupees(amount)


def exact_rupees(value):
    """The whole amount in rupees with lakh grouping: "Rs 1,20,00,00,000"; "" when there is no amount."""
    amount = _amount(value)
    if amount is None:
        return ""
    return pgettext("money", "Rs %(amount)s") % {"amount": group_lakh(amount.quantize(1, rounding=ROUND_HALF_UP))}
