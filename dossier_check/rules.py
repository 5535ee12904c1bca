"""Rule kinds: one function per kind, registered by name, used by the profiles.

``evaluate(profile, documents, as_of, situations)`` works out who the
applicant is (CONTRACT.md "The applicant, the host and situations"), infers
situations, then runs each requirement's rule kind. Rules read document
fields only; they never look at pixels or text, so they are tested with
hand-made :class:`Document` records.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from dossier_check import legalisation
from dossier_check.addresses import address_findings
from dossier_check.fields.country import EEA_CH
from dossier_check.fields.iban import SEPA_COUNTRIES
from dossier_check.fields.names import compare_names, name_tokens
from dossier_check.model import Document, Finding, RequirementResult, Severity, Status
from dossier_check.profiles import Profile, Requirement
from dossier_check.text import fold

IDENTITY_TYPES = ("passport", "national_id", "residence_permit")
#: Chin-to-crown height over the LBP detector's box, which spans eyebrows to mouth.
#: DOMAIN.md's 1.3 is for a chin-to-forehead box; 1.8 was measured on the sample
#: generator's ANTS-conform crops (head 72-76 % of the height, box about 40 %).
HEAD_PER_FACE_BOX = 1.8
RESIDENCE_TYPES = ("lease", "utility_bill")


# --------------------------------------------------------------------------- context


@dataclass(frozen=True)
class Person:
    name: str  # "SURNAME Given Names" as read
    birth_date: str | None
    source: str  # the file it was read from


@dataclass
class Context:
    profile: Profile
    documents: tuple[Document, ...]
    as_of: date
    situations: set[str]
    applicant: Person | None = None
    host: Person | None = None
    host_paths: set[str] = field(default_factory=set)
    notes: list[Finding] = field(default_factory=list)  # dossier-level info findings

    def of_type(self, *types: str, include_host: bool = False) -> list[Document]:
        return [
            d
            for d in self.documents
            if d.type in types and (include_host or d.path not in self.host_paths)
        ]


def person_name(doc: Document) -> str | None:
    f = doc.fields
    if f.get("surname") or f.get("given_names"):
        return " ".join(x for x in (f.get("surname"), f.get("given_names")) if x)
    return f.get("holder") or f.get("hosted")


def same_person(a: str | None, b: str | None) -> bool:
    return bool(a and b) and compare_names(a, b) != "different"


def mentions(doc: Document, name: str | None) -> bool:
    """Whether the document's text names the person: every surname-like token
    (three letters or more) of ``name`` appears as a word.

    Rules otherwise read fields only; this is the one look at the text, because
    "is this bill in the applicant's name" is better answered by finding the
    applicant's name on it than by trusting a holder label's layout.
    """
    if not name:
        return False
    tokens = [t for t in name_tokens(name) if len(t) >= 3]
    if not tokens:
        return False
    words = set(re.findall(r"[A-Z]+", fold(doc.text)))
    return all(t in words for t in tokens) or (
        len(tokens) > 2 and sum(t in words for t in tokens) >= 2
    )


def belongs_to(doc: Document, name: str | None, holder: str | None) -> bool | None:
    """True when the document is in ``name``'s name, False when it is in someone
    else's, None when it cannot be told (no holder read, name not found)."""
    if not name:
        return None
    if (holder and same_person(holder, name)) or mentions(doc, name):
        return True
    if holder:
        return False
    return None


def _parse(d: str | None) -> date | None:
    try:
        return date.fromisoformat(d) if d else None
    except ValueError:
        return None


def add_months(d: date, months: int) -> date:
    """``d`` moved by calendar months, the day clipped to the month's end."""
    y, m = divmod(d.year * 12 + (d.month - 1) + months, 12)
    m += 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(y, m, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _find(code: str, sev: Severity, rule: str | None = None, **params: Any) -> Finding:
    return Finding(code, sev, params, rule)


# --------------------------------------------------------------------------- who is who


def _establish_parties(ctx: Context, explicit: set[str]) -> None:
    """Applicant, host and inferred situations (CONTRACT.md)."""
    docs = ctx.documents
    forms = [d for d in docs if d.type == "application_form" and person_name(d)]
    attestations = [d for d in docs if d.type == "hosting_attestation"]
    identities = [d for d in docs if d.type in IDENTITY_TYPES and person_name(d)]
    if forms:
        f = forms[0]
        ctx.applicant = Person(person_name(f) or "", f.fields.get("birth_date"), f.path)
    elif attestations and attestations[0].fields.get("hosted"):
        a = attestations[0]
        ctx.applicant = Person(a.fields["hosted"], None, a.path)
    elif identities:
        i = identities[0]
        ctx.applicant = Person(person_name(i) or "", i.fields.get("birth_date"), i.path)

    applicant_name = ctx.applicant.name if ctx.applicant else None
    if attestations and attestations[0].fields.get("host"):
        a = attestations[0]
        ctx.host = Person(a.fields["host"], None, a.path)
        for d in docs:
            if d.type not in IDENTITY_TYPES + RESIDENCE_TYPES:
                continue
            host_doc = belongs_to(d, ctx.host.name, person_name(d))
            own_doc = belongs_to(d, applicant_name, person_name(d))
            if host_doc and not own_doc:
                ctx.host_paths.add(d.path)

    def infer(situation: str, because: str, rule: str | None = None) -> None:
        if situation in ctx.profile.situations and situation not in ctx.situations:
            ctx.situations.add(situation)
            ctx.notes.append(
                _find("situation_inferred", Severity.INFO, rule, situation=situation, file=because)
            )

    for d in ctx.of_type("passport", "national_id"):
        if same_person(person_name(d), applicant_name) or len(identities) == 1:
            nat = d.fields.get("nationality")
            if nat in EEA_CH:  # R-DOS-2
                infer("eu-citizen", d.path, "R-DOS-2")
            break
    for a in attestations:
        if same_person(a.fields.get("hosted"), applicant_name):
            infer("hosted", a.path)
    for d in ctx.of_type("payslip", "employment_contract"):
        if belongs_to(d, applicant_name, d.fields.get("holder")):
            infer("employed", d.path)
    ctx.situations |= explicit


# --------------------------------------------------------------------------- rule kinds

RuleFn = Callable[[Requirement, Context], RequirementResult]
RULE_KINDS: dict[str, RuleFn] = {}


def rule_kind(name: str) -> Callable[[RuleFn], RuleFn]:
    def register(fn: RuleFn) -> RuleFn:
        RULE_KINDS[name] = fn
        return fn

    return register


def _absent(req: Requirement, **params: Any) -> RequirementResult:
    sev = Severity.ERROR if req.absent in (Status.MISSING, Status.INVALID) else Severity.WARNING
    return RequirementResult(
        req.id,
        req.absent,
        (),
        (_find("requirement_missing", sev, req.rule, requirement=req.id, **params),),
    )


def _result(
    req: Requirement,
    docs: Iterable[Document],
    problems: list[Finding],
    status: Status | None = None,
) -> RequirementResult:
    """Status from the worst finding unless given: error -> invalid, warning -> warning."""
    if status is None:
        if any(p.severity is Severity.ERROR for p in problems):
            status = Status.INVALID
        elif any(p.severity is Severity.WARNING for p in problems):
            status = Status.WARNING
        else:
            status = Status.OK
    return RequirementResult(req.id, status, tuple(sorted({d.path for d in docs})), tuple(problems))


def _expiry(doc: Document) -> date | None:
    """The expiry date, with the old French CNI's +10/+15 years (R-ID-4)."""
    f = doc.fields
    if f.get("mrz_format") == "FR_CNI_OLD":
        issued = _parse(f.get("issue_date"))
        if issued is None:
            return None
        born = _parse(f.get("birth_date"))
        adult = born is not None and add_months(born, 18 * 12) <= issued
        years = 15 if adult and date(2004, 1, 2) <= issued <= date(2013, 12, 31) else 10
        return add_months(issued, years * 12)
    return _parse(f.get("expiry_date"))


def _validity(
    docs: list[Document], as_of: date, rule: str
) -> tuple[list[Document], list[Document], list[Finding]]:
    """Split documents into valid and expired; unreadable expiries are findings."""
    valid: list[Document] = []
    expired: list[Document] = []
    problems: list[Finding] = []
    for d in docs:
        if any(p.code == "cancelled_document" for p in d.problems):  # R-ID-9
            problems.append(_find("cancelled_document", Severity.ERROR, "R-ID-9", file=d.path))
            continue
        exp = _expiry(d)
        if exp is None:
            problems.append(
                _find(
                    "unreadable_field", Severity.ERROR, "R-SCAN-2", file=d.path, field="expiry_date"
                )
            )
        elif exp >= as_of:  # valid on its expiry day (CONTRACT)
            valid.append(d)
        else:
            expired.append(d)
            problems.append(
                _find(
                    "expired", Severity.ERROR, rule, file=d.path, date=exp.isoformat(), type=d.type
                )
            )
    return valid, expired, problems


@rule_kind("documents")
def documents_present(req: Requirement, ctx: Context) -> RequirementResult:
    """Any document of the listed types (employment_proof)."""
    docs = ctx.of_type(*req.types)
    if not docs:
        return _absent(req)
    return _result(req, docs, [], Status.OK)


@rule_kind("identity")
def identity(req: Requirement, ctx: Context) -> RequirementResult:
    """R-ID-1..4: a valid passport or EEA identity card."""
    docs = ctx.of_type(*req.types)
    if not docs:
        return _absent(req)
    valid, expired, problems = _validity(docs, ctx.as_of, "R-ID-3")
    if valid:
        problems = [p for p in problems if p.code != "expired"]
        problems += [
            _find("expired_but_valid_present", Severity.WARNING, "R-ID-3", file=d.path)
            for d in expired
        ]
        accepted = [
            d
            for d in valid
            if d.type != "national_id"
            or d.fields.get("nationality", d.fields.get("issuing_state")) in EEA_CH
        ]
        if not accepted and "residence_permit" not in req.types:
            problems.append(
                _find("non_eea_id_card", Severity.WARNING, "R-ID-2", file=valid[0].path)
            )
            return _result(req, valid, problems, Status.WARNING)
        problems = [p for p in problems if p.code != "unreadable_field"]
        return _result(req, valid, problems)
    if expired:
        return _result(req, expired, problems, Status.EXPIRED)
    return _result(req, docs, problems, Status.INVALID)


@rule_kind("residence_permit")
def residence_permit(req: Requirement, ctx: Context) -> RequirementResult:
    """R-TS-1..6: a valid titre; VLS-TS needs validation; other visas are not titres."""
    docs = ctx.of_type(*req.types)
    if not docs:
        return _absent(req)
    problems: list[Finding] = []
    visas = [d for d in docs if d.fields.get("kind") == "visa"]
    for v in visas:
        if not v.fields.get("vls_ts"):
            problems.append(_find("visa_not_a_permit", Severity.ERROR, "R-TS-4", file=v.path))
    titres = [d for d in docs if d not in visas or d.fields.get("vls_ts")]
    if not titres:
        return _result(req, docs, problems, Status.INVALID)
    valid, expired, vprobs = _validity(titres, ctx.as_of, "R-TS-2")
    if valid:
        problems += [p for p in vprobs if p.code not in ("expired", "unreadable_field")]
        for v in valid:
            if v.fields.get("kind") == "visa":
                problems.append(_find("vls_ts_validation", Severity.WARNING, "R-TS-3", file=v.path))
            if v.fields.get("kind") in ("recepisse", "api"):
                problems.append(
                    _find("recepisse_fallback", Severity.WARNING, "R-TS-5", file=v.path)
                )
        problems = [p for p in problems if p.code != "visa_not_a_permit"]
        return _result(req, valid, problems)
    problems += vprobs
    if expired:
        return _result(req, expired, problems, Status.EXPIRED)
    return _result(req, titres, problems, Status.INVALID)


#: R-TR-2: languages accepted without translation, as ISO 639-1 codes.
NO_TRANSLATION_NEEDED = frozenset(
    [
        "sq",
        "de",
        "en",
        "hr",
        "da",
        "es",
        "fi",
        "hu",
        "it",
        "lv",
        "lt",
        "nl",
        "no",
        "pl",
        "pt",
        "ro",
        "sk",
        "sv",
        "cs",
        "tr",
    ]
)


@rule_kind("birth_certificate")
def birth_certificate(req: Requirement, ctx: Context) -> RequirementResult:
    """R-BC-2 filiation, R-BC-6 age, R-APO-2..5 apostille or legalisation, R-TR-1..3."""
    docs = ctx.of_type(*req.types)
    if not docs:
        return _absent(req)
    d = docs[0]
    f = d.fields
    problems: list[Finding] = _pages_missing(d)  # R-SCAN-5, R-BC-5: all pages
    if not f.get("filiation", True):
        problems.append(_find("no_filiation", Severity.ERROR, "R-BC-2", file=d.path))
    country = f.get("country")
    lang = f.get("language", "fr")
    french = country == "FRA" or (country is None and lang == "fr")
    if not french:  # R-BC-7: French acts need neither apostille nor translation
        issued = _parse(f.get("issue_date")) or ctx.as_of
        needs = legalisation.status(country, issued)
        has_apostille, has_legalisation = f.get("apostille"), f.get("legalisation")
        if needs == "apostille" and not has_apostille:
            problems.append(
                _find("apostille_missing", Severity.ERROR, "R-APO-3", file=d.path, country=country)
            )
        elif needs == "legalisation" and not (has_legalisation or has_apostille):
            problems.append(
                _find(
                    "legalisation_missing", Severity.ERROR, "R-APO-4", file=d.path, country=country
                )
            )
        elif needs == "unknown" and not (has_apostille or has_legalisation):
            problems.append(_find("apostille_not_found", Severity.WARNING, "R-APO-3", file=d.path))
        if lang != "fr" and needs != "exempt" and not f.get("translation"):
            if lang in NO_TRANSLATION_NEEDED:
                problems.append(
                    _find(
                        "translation_not_required",
                        Severity.INFO,
                        "R-TR-2",
                        file=d.path,
                        language=lang,
                    )
                )
            else:
                problems.append(
                    _find("translation_missing", Severity.WARNING, "R-TR-1", file=d.path)
                )
    issued = _parse(f.get("issue_date"))
    max_age = int(ctx.profile.threshold("birth_certificate_max_age_months", 3))
    if issued is not None and issued < add_months(ctx.as_of, -max_age):
        problems.append(
            _find(
                "birth_certificate_old",
                Severity.WARNING,
                "R-BC-6",
                file=d.path,
                date=issued.isoformat(),
                months=max_age,
            )
        )
    return _result(req, docs, problems)


def _months_covered(doc: Document) -> list[tuple[int, int]]:
    """R-RES-1 step 2: the months a bill covers (period end month; two for a bimonthly bill)."""
    f = doc.fields
    end = _parse(f.get("period_end"))
    start = _parse(f.get("period_start"))
    if end is None:
        issued = _parse(f.get("issue_date"))
        return [(issued.year, issued.month)] if issued else []
    months = [(end.year, end.month)]
    if start is not None and (end - start).days > 40:
        prev = add_months(end, -1)
        months.append((prev.year, prev.month))
    return months


def _bills_check(
    bills: list[Document], ctx: Context, needed: int
) -> tuple[Status, list[Finding], list[Document]]:
    """R-RES-1 (b), step by step, then R-RES-2 recency on the latest bill."""
    covered: dict[tuple[int, int], Document] = {}
    for b in bills:
        for ym in _months_covered(b):
            covered.setdefault(ym, b)
    if not covered:
        return (
            Status.MISSING,
            [_find("bills_undated", Severity.ERROR, "R-RES-1", count=len(bills))],
            bills,
        )
    latest = max(covered)
    wanted = [
        (add_months(date(*latest, 1), -i).year, add_months(date(*latest, 1), -i).month)
        for i in range(needed)
    ]
    gaps = [ym for ym in wanted if ym not in covered]
    problems: list[Finding] = []
    if len(covered) < needed:
        problems.append(
            _find("too_few_bills", Severity.ERROR, "R-RES-1", count=len(covered), needed=needed)
        )
        return Status.MISSING, problems, bills
    if gaps:
        problems.append(
            _find(
                "bills_not_successive",
                Severity.ERROR,
                "R-RES-1",
                months=", ".join(f"{y}-{m:02d}" for y, m in gaps),
            )
        )
        return Status.INVALID, problems, bills
    mobile = [b.path for b in bills if b.fields.get("service") == "mobile"]
    if mobile:  # §5: a mobile bill counts, but is not on the prefectures' list
        problems.append(_find("mobile_bill", Severity.WARNING, "R-RES-1", file=mobile[0]))
    newest = covered[latest]
    issued = _parse(newest.fields.get("issue_date")) or _parse(newest.fields.get("period_end"))
    status = Status.WARNING if problems else Status.OK
    if issued is not None:
        warn = ctx.profile.threshold("residence_recency_months", 3)
        limit = ctx.profile.threshold("residence_max_age_months", 6)
        if issued < add_months(ctx.as_of, -limit):
            problems.append(
                _find(
                    "proof_too_old",
                    Severity.ERROR,
                    "R-RES-2",
                    file=newest.path,
                    date=issued.isoformat(),
                    months=limit,
                )
            )
            status = Status.EXPIRED
        elif issued < add_months(ctx.as_of, -warn):
            problems.append(
                _find(
                    "proof_old",
                    Severity.WARNING,
                    "R-RES-2",
                    file=newest.path,
                    date=issued.isoformat(),
                    months=warn,
                )
            )
            status = Status.WARNING
    return status, problems, [covered[ym] for ym in wanted]


#: R-SCAN-5: pages missing from these documents block them (DOMAIN.md: E for
#: the birth certificate and the lease, W for the rest).
PAGES_MISSING_CODES = ("pages_missing", "page_back_missing")


def _pages_missing(doc: Document) -> list[Finding]:
    """R-SCAN-5 findings of ``doc`` raised to errors."""
    return [
        replace(p, severity=Severity.ERROR, rule="R-SCAN-5")
        for p in doc.problems
        if p.code in PAGES_MISSING_CODES
    ]


@rule_kind("proof_of_residence")
def proof_of_residence(req: Requirement, ctx: Context) -> RequirementResult:
    """R-RES-1..3, the hosting set R-HEB-3/4, then R-RES-4 / R-X-2: the same
    address on the documents the profile's ``address_types`` lists."""
    result = _residence(req, ctx)
    types = ctx.profile.threshold("address_types", ())
    extra = address_findings(ctx.documents, types) if result.status is not Status.MISSING else []
    if not extra:
        return result
    status = Status.WARNING if result.status is Status.OK else result.status
    return replace(result, status=status, problems=result.problems + tuple(extra))


def _residence(req: Requirement, ctx: Context) -> RequirementResult:
    """R-RES-1..3 and the hosting set R-HEB-3/4."""
    needed = int(ctx.profile.threshold("residence_bills_needed", 3))
    applicant = ctx.applicant.name if ctx.applicant else None
    problems: list[Finding] = []
    own: list[Document] = []
    for d in ctx.of_type("lease", "utility_bill"):
        holder = d.fields.get("holder")
        whose = belongs_to(d, applicant, holder)
        if whose is False:
            problems.append(
                _find("other_name", Severity.ERROR, "R-RES-3", file=d.path, name=holder)
            )
            continue
        if whose is None and applicant:
            problems.append(_find("holder_not_found", Severity.WARNING, "R-RES-3", file=d.path))
        own.append(d)
    leases = [d for d in own if d.type == "lease" and d.fields.get("kind") == "contract"]
    if leases:
        missing = _pages_missing(leases[0])  # R-SCAN-5: an incomplete lease
        return _result(req, leases[:1], missing, Status.INVALID if missing else Status.OK)
    bills = [
        d
        for d in own
        if d.type == "utility_bill" or (d.type == "lease" and d.fields.get("kind") == "receipt")
    ]
    attestations = ctx.of_type("hosting_attestation")
    if attestations:
        return _hosting(req, ctx, attestations[0])
    if bills:
        status, bill_problems, used = _bills_check(bills, ctx, needed)
        errors = any(p.severity is Severity.ERROR for p in problems)
        if status is Status.MISSING and errors:
            status = Status.INVALID  # bills there, but in another name
        elif status is Status.OK and problems:
            # three own bills suffice; another name's bill or an unread holder is a note
            problems = [replace(p, severity=Severity.WARNING) for p in problems]
            status = Status.WARNING
        return _result(req, used, problems + bill_problems, status)
    if problems:
        return _result(req, [], problems)
    return _absent(req)


def _attestation_problems(att: Document, ctx: Context) -> list[Finding]:
    """R-HEB-1/2/5/6 on the attestation's own fields."""
    f = att.fields
    problems: list[Finding] = []
    for key, rule in (("host", "R-HEB-2"), ("hosted", "R-HEB-2"), ("signature_date", "R-HEB-1")):
        if not f.get(key):
            problems.append(
                _find("attestation_incomplete", Severity.ERROR, rule, file=att.path, field=key)
            )
    if not f.get("sworn_wording", True):
        problems.append(_find("attestation_not_sworn", Severity.WARNING, "R-HEB-2", file=att.path))
    since = _parse(f.get("start_date"))
    signed = _parse(f.get("signature_date"))
    months = int(ctx.profile.threshold("hosting_since_months", 3))
    if since is None:
        problems.append(_find("attestation_no_start", Severity.WARNING, "R-HEB-2", file=att.path))
    elif since > add_months(ctx.as_of, -months):
        problems.append(
            _find(
                "hosted_too_recently",
                Severity.ERROR,
                "R-HEB-5",
                file=att.path,
                date=since.isoformat(),
                months=months,
            )
        )
    elif signed is not None and since > signed:
        problems.append(_find("attestation_dates", Severity.WARNING, "R-HEB-5", file=att.path))
    if signed is not None and signed < add_months(ctx.as_of, -3):
        problems.append(
            _find(
                "attestation_old",
                Severity.WARNING,
                "R-HEB-6",
                file=att.path,
                date=signed.isoformat(),
            )
        )
    return problems


def _hosting(req: Requirement, ctx: Context, attestation: Document) -> RequirementResult:
    """R-HEB-1..6: the attestation itself, the host's identity document and the host's
    own proof of address."""
    problems = _attestation_problems(attestation, ctx)
    used = [attestation]
    host_ids = [d for d in ctx.documents if d.path in ctx.host_paths and d.type in IDENTITY_TYPES]
    host_proofs = [
        d for d in ctx.documents if d.path in ctx.host_paths and d.type in RESIDENCE_TYPES
    ]
    if not host_ids:
        problems.append(
            _find(
                "host_identity_missing",
                Severity.ERROR,
                "R-HEB-3",
                host=ctx.host.name if ctx.host else "",
            )
        )
    else:
        used += host_ids
    if not host_proofs:
        problems.append(
            _find(
                "host_address_missing",
                Severity.ERROR,
                "R-HEB-4",
                host=ctx.host.name if ctx.host else "",
            )
        )
    else:
        used += host_proofs
    return _result(req, used, problems)


def _near_miss(doc: Document, types: Iterable[str]) -> Finding | None:
    """The finding of an ``unknown`` file that looks like one of ``types`` but fails
    what that type must carry (doctypes' ``near_miss``), with the file named."""
    for p in doc.problems:
        if p.params.get("type") in types and p.severity is Severity.ERROR:
            return replace(p, params={**p.params, "file": doc.path})
    return None


@rule_kind("bank_details")
def bank_details(req: Requirement, ctx: Context) -> RequirementResult:
    """R-RIB-1..7: IBAN valid, clé RIB, holder = applicant, SEPA notes."""
    docs = ctx.of_type(*req.types)
    if not docs:
        # a RIB by its title whose IBAN fails mod-97 is no rib (R-RIB-1), but it is there
        failed = [(d, f) for d in ctx.documents if (f := _near_miss(d, req.types))]
        if failed:
            return _result(req, [d for d, _ in failed], [f for _, f in failed])
        return _absent(req)
    d = docs[0]
    f = d.fields
    problems = [p for p in d.problems if p.severity is Severity.ERROR]
    country = f.get("iban_country") or (f.get("iban") or "  ")[:2]
    if f.get("iban_valid"):
        if country == "GB":
            problems.append(_find("iban_gb", Severity.WARNING, "R-RIB-6", file=d.path))
        elif country not in SEPA_COUNTRIES:
            problems.append(
                _find("iban_not_sepa", Severity.ERROR, "R-RIB-7", file=d.path, country=country)
            )
        elif country not in ("FR", "MC"):
            problems.append(
                _find(
                    "iban_foreign_sepa", Severity.WARNING, "R-RIB-5", file=d.path, country=country
                )
            )
    holder = f.get("holder")
    applicant = ctx.applicant.name if ctx.applicant else None
    whose = belongs_to(d, applicant, holder)
    if whose is False:
        problems.append(_find("other_name", Severity.ERROR, "R-RIB-4", file=d.path, name=holder))
    elif whose is None and applicant:
        problems.append(_find("holder_not_found", Severity.WARNING, "R-RIB-4", file=d.path))
    return _result(req, [d], problems)


@rule_kind("id_photo")
def id_photo(req: Requirement, ctx: Context) -> RequirementResult:
    """R-PHO-1/2/4/5/6: one face, head size, proportions, pixels, colour."""
    docs = ctx.of_type(*req.types)
    if not docs:
        status = Status(ctx.profile.threshold("photo_absent", req.absent.value))
        return _absent(replace(req, absent=status))
    d = docs[0]
    f = d.fields
    problems: list[Finding] = []
    faces = f.get("face_count", 0)
    if faces != 1:
        problems.append(
            _find("photo_face_count", Severity.ERROR, "R-PHO-1", file=d.path, count=faces)
        )
    head = HEAD_PER_FACE_BOX * float(f.get("face_ratio", 0.0))
    if faces == 1 and head < 0.4:
        problems.append(_find("photo_scene", Severity.ERROR, "R-PHO-4", file=d.path))
    elif faces == 1 and not 0.55 <= head <= 0.9:
        problems.append(_find("photo_face_size", Severity.WARNING, "R-PHO-2", file=d.path))
    aspect = float(f.get("aspect", 0.778))
    if faces == 1 and head >= 0.4 and abs(aspect - 0.778) > 0.778 * 0.05:
        problems.append(_find("photo_proportions", Severity.WARNING, "R-PHO-4", file=d.path))
    if faces == 1 and float(f.get("face_center_offset", 0.0)) > 0.10:
        problems.append(_find("photo_off_centre", Severity.WARNING, "R-PHO-3", file=d.path))
    level, spread = f.get("background_level"), f.get("background_std")
    if level is not None and spread is not None:
        if float(spread) > 20:
            problems.append(_find("photo_background", Severity.WARNING, "R-PHO-7", file=d.path))
        elif float(level) > 242:  # L* > 95: pure white, forbidden by ANTS
            problems.append(
                _find("photo_background_white", Severity.WARNING, "R-PHO-7", file=d.path)
            )
        elif float(level) < 150:  # L* < 60: too dark
            problems.append(_find("photo_background", Severity.WARNING, "R-PHO-7", file=d.path))
    width = int(f.get("width", 0))
    if width and width < 240:
        problems.append(
            _find("photo_too_small", Severity.ERROR, "R-PHO-5", file=d.path, width=width)
        )
    elif width and width < 413:
        problems.append(_find("photo_small", Severity.WARNING, "R-PHO-5", file=d.path, width=width))
    if f.get("grayscale"):
        sev = Status(ctx.profile.threshold("photo_grayscale", "warning"))
        problems.append(
            _find(
                "photo_grayscale",
                Severity.ERROR if sev is Status.INVALID else Severity.WARNING,
                "R-PHO-6",
                file=d.path,
            )
        )
    return _result(req, [d], problems)


@rule_kind("application_form")
def application_form(req: Requirement, ctx: Context) -> RequirementResult:
    """R-DOS-1 / R-VIT-5: the form, signed and dated."""
    docs = ctx.of_type(*req.types)
    if not docs:
        return _absent(req)
    d = docs[0]
    problems = []
    if not d.fields.get("signed"):
        problems.append(_find("form_unsigned", Severity.WARNING, "R-DOS-1", file=d.path))
    return _result(req, [d], problems)


@rule_kind("name_consistency")
def name_consistency(req: Requirement, ctx: Context) -> RequirementResult:
    """R-X-1: one name and birth date across the applicant's documents."""
    if ctx.applicant is None:
        return RequirementResult(req.id, Status.OK)
    problems: list[Finding] = []
    used: list[Document] = []
    ref = ctx.applicant
    for d in ctx.documents:
        if d.path in ctx.host_paths or d.type in ("hosting_attestation", "unknown", "id_photo"):
            continue
        name = person_name(d)
        if not name:
            continue
        used.append(d)
        verdict = compare_names(ref.name, name)
        if verdict == "different" and mentions(d, ref.name):
            verdict = "drift"  # the label read the wrong words; the applicant is named
        if verdict == "different":
            problems.append(
                _find(
                    "name_mismatch",
                    Severity.ERROR,
                    "R-X-1",
                    file=d.path,
                    name=name,
                    expected=ref.name,
                )
            )
        elif verdict == "drift":
            problems.append(
                _find(
                    "name_drift",
                    Severity.WARNING,
                    "R-X-1",
                    file=d.path,
                    name=name,
                    expected=ref.name,
                )
            )
        born = d.fields.get("birth_date")
        if born and ref.birth_date and born != ref.birth_date:
            problems.append(
                _find(
                    "birth_date_mismatch",
                    Severity.ERROR,
                    "R-X-1",
                    file=d.path,
                    date=born,
                    expected=ref.birth_date,
                )
            )
    return _result(req, used, problems)


@rule_kind("nir")
def nir(req: Requirement, ctx: Context) -> RequirementResult:
    """R-VIT-1: a permanent NIR with a valid key; a provisional NIA is refused."""
    docs = ctx.of_type(*req.types)
    if not docs:
        return _absent(req)
    d = docs[0]
    problems = []
    if not d.fields.get("nir_valid"):
        problems.append(_find("nir_invalid", Severity.ERROR, "R-NIR-1", file=d.path))
    elif d.fields.get("nir_provisional"):
        problems.append(_find("nir_provisional", Severity.ERROR, "R-VIT-1", file=d.path))
    return _result(req, [d], problems)


@rule_kind("age")
def age(req: Requirement, ctx: Context) -> RequirementResult:
    """R-VIT-2: 12 or over on the as-of date."""
    docs = [d for d in ctx.of_type(*req.types) if d.fields.get("birth_date")]
    if not docs:
        return _absent(req)
    born = _parse(docs[0].fields["birth_date"])
    minimum = int(ctx.profile.threshold("minimum_age", 12))
    if born is None:
        return _absent(req)
    if add_months(born, minimum * 12) > ctx.as_of:
        return _result(
            req, docs[:1], [_find("too_young", Severity.ERROR, "R-VIT-2", minimum=minimum)]
        )
    return _result(req, docs[:1], [])


# --------------------------------------------------------------------------- evaluate


@dataclass(frozen=True)
class Evaluation:
    requirements: tuple[RequirementResult, ...]
    situations: tuple[str, ...]
    notes: tuple[Finding, ...]


def evaluate(
    profile: Profile, documents: Iterable[Document], as_of: date, situations: Iterable[str] = ()
) -> Evaluation:
    ctx = Context(profile, tuple(documents), as_of, set())
    _establish_parties(ctx, set(situations))
    results: list[RequirementResult] = []
    for req in profile.requirements:
        if req.applies_when and not (ctx.situations & set(req.applies_when)):
            results.append(RequirementResult(req.id, Status.NOT_APPLICABLE))
            continue
        if ctx.situations & set(req.not_applicable_when):
            results.append(RequirementResult(req.id, Status.NOT_APPLICABLE))
            continue
        results.append(RULE_KINDS[req.kind](req, ctx))
    return Evaluation(tuple(results), tuple(sorted(ctx.situations)), tuple(ctx.notes))
