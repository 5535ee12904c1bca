"""Identifiers with valid check keys: IBAN (ISO 13616 mod 97), clé RIB, Spanish
control digits, BIC, NIR/NIA key, SIREN/SIRET (Luhn). See DOMAIN.md §6 and §9."""

from __future__ import annotations

import random
import string

_RIB_LETTERS = {}
for _digit, _letters in enumerate(
    ("AJ", "BKS", "CLT", "DMU", "ENV", "FOW", "GPX", "HQY", "IRZ"), start=1
):
    for _c in _letters:
        _RIB_LETTERS[_c] = str(_digit)


def rib_key(bank: str, branch: str, account: str) -> str:
    """clé RIB = 97 - ((89*banque + 15*guichet + 3*compte) mod 97), letters mapped (S->2)."""
    acc = "".join(_RIB_LETTERS.get(c, c) for c in account.upper())
    return f"{97 - ((89 * int(bank) + 15 * int(branch) + 3 * int(acc)) % 97):02d}"


def _iban_number(s: str) -> int:
    return int("".join(str(int(c, 36)) for c in s))


def iban_check_digits(country: str, bban: str) -> str:
    return f"{98 - _iban_number(bban + country + '00') % 97:02d}"


def make_iban(country: str, bban: str) -> str:
    return country + iban_check_digits(country, bban) + bban


def iban_valid(iban: str) -> bool:
    s = iban.replace(" ", "").upper()
    return _iban_number(s[4:] + s[:4]) % 97 == 1


def group4(iban: str) -> str:
    s = iban.replace(" ", "")
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4))


def fr_rib(rng: random.Random, bank: str | None = None, letter: bool = False) -> dict:
    bank = bank or f"{rng.randint(10000, 45999):05d}"
    branch = f"{rng.randint(1, 99999):05d}"
    account = f"{rng.randint(0, 10**11 - 1):011d}"
    if letter:  # some banks put a letter in the account number
        i = rng.randint(0, 3)
        account = account[:i] + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + account[i + 1 :]
    key = rib_key(bank, branch, account)
    bban = bank + branch + account + key
    return {
        "bank": bank,
        "branch": branch,
        "account": account,
        "key": key,
        "iban": make_iban("FR", bban),
    }


def fr_rib_bad_key(rng: random.Random) -> dict:
    """A RIB whose clé is wrong but whose IBAN passes mod 97 (computed over the bad BBAN)."""
    r = fr_rib(rng)
    bad = f"{(int(r['key']) + rng.randint(1, 90)) % 97 or 1:02d}"
    bban = r["bank"] + r["branch"] + r["account"] + bad
    return {**r, "key": bad, "iban": make_iban("FR", bban)}


def de_iban(rng: random.Random) -> str:
    blz = f"{rng.randint(10000000, 89999999)}"
    acct = f"{rng.randint(0, 10**10 - 1):010d}"
    return make_iban("DE", blz + acct)


def _es_dc(digits: str) -> str:
    weights = (1, 2, 4, 8, 5, 10, 9, 7, 3, 6)
    v = 11 - sum(int(d) * w for d, w in zip(digits.zfill(10), weights, strict=True)) % 11
    return "0" if v == 11 else ("1" if v == 10 else str(v))


def es_iban(rng: random.Random) -> str:
    entity = f"{rng.randint(1000, 3999):04d}"
    office = f"{rng.randint(1, 9999):04d}"
    account = f"{rng.randint(0, 10**10 - 1):010d}"
    dc = _es_dc("00" + entity + office) + _es_dc(account)
    return make_iban("ES", entity + office + dc + account)


def bic(
    rng: random.Random, country: str, bank_letters: str | None = None, branch: bool | None = None
) -> str:
    letters = string.ascii_uppercase
    b = (bank_letters or "".join(rng.choice(letters) for _ in range(4)))[:4].upper()
    loc = rng.choice(letters) + rng.choice(letters + string.digits[2:])
    out = b + country + loc
    if branch if branch is not None else rng.random() < 0.6:
        out += rng.choice(["XXX", f"{rng.randint(100, 999)}"])
    return out


# ---------------------------------------------------------------------------- NIR / NIA


def nir_key(nir13: str) -> str:
    n = nir13.upper().replace("2A", "19").replace("2B", "18")
    return f"{97 - int(n) % 97:02d}"


def make_nir(
    rng: random.Random,
    sex: str,
    birth_year: int,
    birth_month: int,
    dept: str = "99",
    commune: str | None = None,
    provisional: bool = False,
) -> str:
    """A 15-digit NIR (first digit 1/2) or, with `provisional`, a NIA (first digit 7/8)."""
    first = ("1" if sex == "M" else "2") if not provisional else rng.choice("78")
    commune = commune or f"{rng.randint(1, 999):03d}"
    order = f"{rng.randint(1, 999):03d}"
    body = f"{first}{birth_year % 100:02d}{birth_month:02d}{dept}{commune}{order}"
    return body + nir_key(body)


def format_nir(nir: str) -> str:
    n = nir
    return f"{n[0]} {n[1:3]} {n[3:5]} {n[5:7]} {n[7:10]} {n[10:13]} {n[13:15]}"


# ----------------------------------------------------------------------- SIREN / SIRET


def luhn_ok(s: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(s)):
        d = int(c)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _luhn_complete(prefix: str) -> str:
    for d in "0123456789":
        if luhn_ok(prefix + d):
            return prefix + d
    raise AssertionError


def make_siret(rng: random.Random) -> str:
    siren = _luhn_complete(f"{rng.randint(30000000, 99999999):08d}")
    return _luhn_complete(siren + f"{rng.randint(1, 9999):04d}")


def format_siret(s: str) -> str:
    return f"{s[0:3]} {s[3:6]} {s[6:9]} {s[9:14]}"


if __name__ == "__main__":
    assert rib_key("30006", "00001", "12345678901") == "89"
    assert iban_valid("FR7630006000011234567890189")
    r = random.Random(1)
    for _ in range(200):
        assert iban_valid(fr_rib(r, letter=True)["iban"])
        assert iban_valid(de_iban(r)) and iban_valid(es_iban(r))
        bad = fr_rib_bad_key(r)
        assert iban_valid(bad["iban"])
        assert rib_key(bad["bank"], bad["branch"], bad["account"]) != bad["key"]
        n = make_nir(r, "F", 1990, 4)
        assert len(n) == 15 and int(n[:13]) % 97 + int(n[13:]) == 97
        assert luhn_ok(make_siret(r)) and luhn_ok(make_siret(r)[:9])
    print("numbers self-test ok")
