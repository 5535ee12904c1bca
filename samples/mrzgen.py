"""An ICAO Doc 9303 MRZ composer, written independently of dossier_check's parser.

Formats: TD3 (2x44, passports), TD2 (2x36), TD1 (3x30, ID cards and French titre
cards), MRV-A (2x44) and MRV-B (2x36) visa stickers, and the old French CNI
(2x36, non-ICAO, 1988-2021). Check digits use weights 7-3-1 (DOMAIN.md §8).
Every composer returns the lines; `verify_*` recompute every check digit so the
generator checks itself.
"""

from __future__ import annotations

import unicodedata
from datetime import date

FILLER = "<"

# Transliterations ICAO recommends for a few Latin letters that do not decompose.
_SPECIAL = {
    "Ä": "AE",
    "Ö": "OE",
    "Ü": "UE",
    "ß": "SS",
    "Æ": "AE",
    "Ø": "OE",
    "Å": "AA",
    "Œ": "OE",
    "Þ": "TH",
    "Ð": "D",
    "Ł": "L",
    "Đ": "D",
}


def char_value(c: str) -> int:
    if c.isdigit():
        return ord(c) - 48
    if "A" <= c <= "Z":
        return ord(c) - 55
    if c == FILLER:
        return 0
    raise ValueError(f"not an MRZ character: {c!r}")


def check_digit(field: str) -> str:
    weights = (7, 3, 1)
    return str(sum(char_value(c) * weights[i % 3] for i, c in enumerate(field)) % 10)


def transliterate(name: str, german: bool = False) -> str:
    """Upper-case A-Z and '<' only. German umlauts become AE/OE/UE when `german`."""
    out = []
    for ch in name.upper():
        if german and ch in _SPECIAL:
            out.append(_SPECIAL[ch])
            continue
        if ch in ("ß", "Æ", "Ø", "Œ", "Þ", "Ð", "Ł", "Đ"):
            out.append(_SPECIAL[ch])
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        if "A" <= base <= "Z" or base.isdigit():
            out.append(base)
        else:  # space, hyphen, apostrophe, dot...
            out.append(FILLER)
    return "".join(out).strip(FILLER)


def pad(s: str, n: int) -> str:
    if len(s) > n:
        raise ValueError(f"{s!r} longer than {n}")
    return s + FILLER * (n - len(s))


def name_field(surname: str, given_names: str, n: int, german: bool = False) -> str:
    sur = transliterate(surname, german)
    giv = transliterate(given_names, german)
    # collapse runs of fillers inside each part
    while "<<" in sur:
        sur = sur.replace("<<", "<")
    while "<<" in giv:
        giv = giv.replace("<<", "<")
    s = sur + ("<<" + giv if giv else "")
    return pad(s[:n], n)


def yymmdd(d: date | None) -> str:
    return d.strftime("%y%m%d") if d else FILLER * 6


def _doc_number(number: str, n: int = 9) -> str:
    return pad(number.upper().replace(" ", ""), n)


def td3(
    state: str,
    surname: str,
    given_names: str,
    number: str,
    nationality: str,
    birth: date,
    sex: str,
    expiry: date,
    personal: str = "",
    doc_type: str = "P<",
    german: bool = False,
) -> list[str]:
    l1 = pad(doc_type, 2) + pad(state, 3) + name_field(surname, given_names, 39, german)
    num = _doc_number(number)
    opt = pad(personal, 14)
    opt_cd = check_digit(opt) if personal else FILLER
    l2 = (
        num
        + check_digit(num)
        + pad(nationality, 3)
        + yymmdd(birth)
        + check_digit(yymmdd(birth))
        + sex
        + yymmdd(expiry)
        + check_digit(yymmdd(expiry))
        + opt
        + opt_cd
    )
    composite = l2[0:10] + l2[13:20] + l2[21:43]
    l2 += check_digit(composite)
    return [l1, l2]


def td2(
    state: str,
    surname: str,
    given_names: str,
    number: str,
    nationality: str,
    birth: date,
    sex: str,
    expiry: date,
    optional: str = "",
    doc_type: str = "I<",
) -> list[str]:
    l1 = pad(doc_type, 2) + pad(state, 3) + name_field(surname, given_names, 31)
    num = _doc_number(number)
    l2 = (
        num
        + check_digit(num)
        + pad(nationality, 3)
        + yymmdd(birth)
        + check_digit(yymmdd(birth))
        + sex
        + yymmdd(expiry)
        + check_digit(yymmdd(expiry))
        + pad(optional, 7)
    )
    l2 += check_digit(l2[0:10] + l2[13:20] + l2[21:35])
    return [l1, l2]


def td1(
    state: str,
    surname: str,
    given_names: str,
    number: str,
    nationality: str,
    birth: date,
    sex: str,
    expiry: date,
    optional1: str = "",
    optional2: str = "",
    doc_type: str = "I<",
    german: bool = False,
) -> list[str]:
    number = number.upper()
    if len(number) <= 9:
        num = _doc_number(number)
        l1 = pad(doc_type, 2) + pad(state, 3) + num + check_digit(num) + pad(optional1, 15)
    else:
        # R-MRZ-3: a long number: 9 chars, '<', the rest + its check digit in optional 1
        head, tail = number[:9], number[9:]
        cd = check_digit(number)
        l1 = pad(doc_type, 2) + pad(state, 3) + head + FILLER + pad(tail + cd + optional1, 15)
    l2 = (
        yymmdd(birth)
        + check_digit(yymmdd(birth))
        + sex
        + yymmdd(expiry)
        + check_digit(yymmdd(expiry))
        + pad(nationality, 3)
        + pad(optional2, 11)
    )
    composite = l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29]
    l2 += check_digit(composite)
    l3 = name_field(surname, given_names, 30, german)
    return [l1, l2, l3]


def mrv_a(
    state: str,
    surname: str,
    given_names: str,
    number: str,
    nationality: str,
    birth: date,
    sex: str,
    expiry: date,
    optional: str = "",
    doc_type: str = "VD",
) -> list[str]:
    l1 = pad(doc_type, 2) + pad(state, 3) + name_field(surname, given_names, 39)
    num = _doc_number(number)
    l2 = (
        num
        + check_digit(num)
        + pad(nationality, 3)
        + yymmdd(birth)
        + check_digit(yymmdd(birth))
        + sex
        + yymmdd(expiry)
        + check_digit(yymmdd(expiry))
        + pad(optional, 16)
    )
    return [l1, l2]


def mrv_b(
    state: str,
    surname: str,
    given_names: str,
    number: str,
    nationality: str,
    birth: date,
    sex: str,
    expiry: date,
    optional: str = "",
    doc_type: str = "VD",
) -> list[str]:
    l1 = pad(doc_type, 2) + pad(state, 3) + name_field(surname, given_names, 31)
    num = _doc_number(number)
    l2 = (
        num
        + check_digit(num)
        + pad(nationality, 3)
        + yymmdd(birth)
        + check_digit(yymmdd(birth))
        + sex
        + yymmdd(expiry)
        + check_digit(yymmdd(expiry))
        + pad(optional, 8)
    )
    return [l1, l2]


def fr_cni_old(
    surname: str, given_names: str, number: str, admin_code: str, birth: date, sex: str
) -> list[str]:
    """Old French CNI (R-MRZ-7). `number` is 12 chars: issue YYMM + dept (3) + office/seq."""
    if len(number) != 12:
        raise ValueError("old CNI number has 12 characters")
    sur = transliterate(surname)
    l1 = "IDFRA" + pad(sur[:25], 25) + pad(admin_code, 6)
    giv = "<<".join(transliterate(g) for g in given_names.replace("-", " ").split())
    l2 = (
        number
        + check_digit(number)
        + pad(giv[:14], 14)
        + yymmdd(birth)
        + check_digit(yymmdd(birth))
        + sex
    )
    l2 += check_digit(l1 + l2)
    return [l1, l2]


# ------------------------------------------------------------------------ verification


def _ok(field: str, cd: str) -> bool:
    if cd == FILLER:
        return set(field) <= {FILLER}
    return check_digit(field) == cd


def verify(lines: list[str]) -> bool:
    """True when every check digit (and the composite, where the format has one) holds."""
    shape = tuple(len(x) for x in lines)
    if shape == (30, 30, 30):
        l1, l2, _ = lines
        if l1[14] == FILLER and l1[15] != FILLER:  # long number
            tail = l1[15:30].rstrip(FILLER)
            number = l1[5:14] + tail[:-1]
            if check_digit(number) != tail[-1]:
                return False
        elif not _ok(l1[5:14], l1[14]):
            return False
        return (
            _ok(l2[0:6], l2[6])
            and _ok(l2[8:14], l2[14])
            and check_digit(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29]) == l2[29]
        )
    if shape == (36, 36) and lines[0].startswith("IDFRA"):
        l1, l2 = lines
        return (
            _ok(l2[0:12], l2[12])
            and _ok(l2[27:33], l2[33])
            and check_digit(l1 + l2[0:35]) == l2[35]
        )
    if shape in ((44, 44), (36, 36)):
        l1, l2 = lines
        base = _ok(l2[0:9], l2[9]) and _ok(l2[13:19], l2[19]) and _ok(l2[21:27], l2[27])
        if l1[0] == "V":
            return base
        if shape == (44, 44):
            return (
                base
                and _ok(l2[28:42], l2[42])
                and check_digit(l2[0:10] + l2[13:20] + l2[21:43]) == l2[43]
            )
        return base and check_digit(l2[0:10] + l2[13:20] + l2[21:35]) == l2[35]
    raise ValueError(f"unknown MRZ shape {shape}")


def mrz_format(lines: list[str]) -> str:
    shape = tuple(len(x) for x in lines)
    if shape == (30, 30, 30):
        return "TD1"
    if shape == (36, 36) and lines[0].startswith("IDFRA"):
        return "FR_CNI_OLD"
    if lines[0].startswith("V"):
        return "MRVA" if shape == (44, 44) else "MRVB"
    return "TD3" if shape == (44, 44) else "TD2"


if __name__ == "__main__":  # self-test on the ICAO specimen values (DOMAIN.md §8)
    assert check_digit("L898902C3") == "6"
    assert check_digit("740812") == "2"
    assert check_digit("120415") == "9"
    spec = td3(
        "UTO",
        "Eriksson",
        "Anna Maria",
        "L898902C3",
        "UTO",
        date(1974, 8, 12),
        "F",
        date(2012, 4, 15),
        personal="ZE184226B",
    )
    assert spec == [
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    ], spec
    assert verify(spec)
    spec1 = td1(
        "UTO",
        "Eriksson",
        "Anna Maria",
        "D23145890",
        "UTO",
        date(1974, 8, 12),
        "F",
        date(2012, 4, 15),
    )
    assert spec1 == [
        "I<UTOD231458907<<<<<<<<<<<<<<<",
        "7408122F1204159UTO<<<<<<<<<<<6",
        "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
    ], spec1
    long_no = td1(
        "UTO",
        "Stevenson",
        "Peter John",
        "D23145890734",
        "UTO",
        date(1934, 7, 12),
        "M",
        date(1995, 7, 12),
    )
    assert long_no[0] == "I<UTOD23145890<7349<<<<<<<<<<<" and verify(long_no)
    old = ["IDFRAMEYER<<<<<<<<<<<<<<<<<<<<675034", "1305675007505MALO<<ALAIN<<J1212031M1"]
    assert check_digit("130567500750") == "5" and check_digit("121203") == "1"
    print("mrzgen self-test ok", verify(old))
