#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""
make-samples.py: writes Steward's small, hand-made sample RF2 release packages.

    python3 Scripts/make-samples.py           rewrite Releases/* and Releases/EXPECTED.md, then verify them
    python3 Scripts/make-samples.py --check   build in a temporary folder, verify, and compare byte for byte
                                              with what is in Releases/ (exit 1 on any difference)

Output (all folders, no zips):
    Releases/SnomedCT_InternationalRF2_PRODUCTION_20250101T120000Z/   Snapshot + Full   (history 20240701, 20250101)
    Releases/SnomedCT_InternationalRF2_PRODUCTION_20250201T120000Z/   Snapshot + Full + Delta
    Releases/SnomedCT_ManagedServiceNO_PRODUCTION_NO1000202_20250215T120000Z/   Norwegian extension, Snapshot + Full
    Releases/EXPECTED.md                                               facts the Swift tests assert (computed here)

THIS IS SYNTHETIC DEMO DATA. It is not SNOMED CT release content. Metadata concepts and a couple of hundred
well-known clinical concepts use their real identifiers so that the samples look familiar, but every term is our
own plain wording, every description / relationship id is minted here, and all hierarchies, attributes, maps and
history are invented for testing. Identifiers minted here use the Norwegian namespace 1000202 (long format):

    INT package, minted concepts       item 990001..   partition 10     e.g. "Cold (disorder)"
    INT package, descriptions          item 1000001..  partition 11
    INT package, relationships         item 1000001..  partition 12
    NO package, minted concepts        item 880001..   partition 10
    NO package, descriptions           item 2000001..  partition 11
    NO package, relationships          item 2000001..  partition 12

Refset member ids are UUID version 5 from a fixed namespace plus a readable key, so reruns give identical bytes.
Python 3 standard library only.
"""

import copy
import json
import os
import re
import shutil
import sys
import tempfile
import uuid
from collections import OrderedDict, defaultdict

# ======================================================================================================
# 1. Versions, packages
# ======================================================================================================

V0 = "20240701"   # invented earlier International release (history only: appears in Full files)
V1 = "20250101"   # first sample package
V2 = "20250201"   # second sample package (with Delta)
VNO = "20250215"  # Norwegian extension, depends on INT 20250201
INT_VERSIONS = [V0, V1, V2]

PKG_INT_V1 = "SnomedCT_InternationalRF2_PRODUCTION_20250101T120000Z"
PKG_INT_V2 = "SnomedCT_InternationalRF2_PRODUCTION_20250201T120000Z"
PKG_NO = "SnomedCT_ManagedServiceNO_PRODUCTION_NO1000202_20250215T120000Z"

NAMESPACE = "1000202"
UUID_NAMESPACE = uuid.UUID("6f0c2a57-3d1e-5b8e-9a43-537465776172")  # fixed forever ("Steward" samples)

# ======================================================================================================
# 2. Well-known metadata ids (real SNOMED CT identifiers, RF2.md section 3)
# ======================================================================================================

ROOT = "138875005"
ISA = "116680003"
MODEL_COMPONENT = "900000000000441003"
CORE = "900000000000207008"
MODEL = "900000000000012004"
ICD10_MODULE = "449080006"
NO_MODULE = "51000202101"

FSN = "900000000000003001"
SYN = "900000000000013009"
DEF = "900000000000550004"
PREF = "900000000000548007"
ACCEPT = "900000000000549004"
US = "900000000000509007"
GB = "900000000000508004"
NB = "61000202103"
NN = "91000202106"
CI = "900000000000448009"   # entire term case insensitive
CS = "900000000000017005"   # entire term case sensitive
IC = "900000000000020002"   # only initial character case insensitive
PRIMITIVE = "900000000000074008"
DEFINED = "900000000000073002"
INFERRED = "900000000000011006"
STATED = "900000000000010007"
EXISTENTIAL = "900000000000451002"

OWL_AXIOM = "733073007"
OWL_ONTOLOGY = "762103008"
OWL_NAMESPACE = "734146004"
OWL_HEADER = "734147008"
ROLE_GROUP = "609096000"
OBJECT_ATTRIBUTE = "762705008"
DATA_ATTRIBUTE = "762706009"

CONCEPT_INACTIVATION = "900000000000489007"
DESCRIPTION_INACTIVATION = "900000000000490003"
DUPLICATE = "900000000000482003"
OUTDATED = "900000000000483008"
AMBIGUOUS = "900000000000484002"
ERRONEOUS = "900000000000485001"
NONCONFORMANCE = "723277005"
CONCEPT_NON_CURRENT = "900000000000495008"

SAME_AS = "900000000000527005"
REPLACED_BY = "900000000000526001"
POSSIBLY_EQUIVALENT_TO = "900000000000523009"

SIMPLE_TYPE = "446609009"
LATERALIZABLE = "723264001"
ICD10_MAP = "447562003"
MDRS = "900000000000534007"
REFSET_DESCRIPTOR = "900000000000456007"
DESCRIPTION_FORMAT_REFSET = "900000000000538005"

# refset descriptor attribute descriptions and types
REFERENCED_COMPONENT = "449608002"
ACCEPTABILITY = "900000000000511003"
ASSOCIATION_TARGET = "900000000000533001"
ATTRIBUTE_VALUE = "900000000000491004"
MAP_SOURCE = "900000000000500006"
MAP_GROUP = "900000000000501005"
MAP_PRIORITY = "900000000000502003"
MAP_RULE = "900000000000503008"
MAP_ADVICE = "900000000000504002"
MAP_TARGET = "900000000000505001"
CORRELATION_VALUE = "447247004"
CORRELATION_NOT_SPECIFIED = "447561005"
MAP_CATEGORY_VALUE = "609330002"
PROPERLY_CLASSIFIED = "447637006"
SOURCE_ET = "900000000000536009"
TARGET_ET = "900000000000537000"
ATTRIBUTE_DESCRIPTION = "900000000000458008"
ATTRIBUTE_TYPE = "900000000000459000"
ATTRIBUTE_ORDER = "900000000000479008"
DESCRIPTION_FORMAT = "900000000000539002"
PLAIN_TEXT = "900000000000540000"
DESCRIPTION_LENGTH = "900000000000544009"
COMPONENT_TYPE = "900000000000460005"
CONCEPT_TYPE = "900000000000461009"
DESCRIPTION_TYPE_COMPONENT = "900000000000462002"
STRING = "900000000000465000"
PARSABLE_STRING = "707000009"
INTEGER = "900000000000476001"
UNSIGNED_INTEGER = "900000000000478000"
TIME = "900000000000475002"

# clinical attributes used below
FINDING_SITE = "363698007"
ASSOCIATED_MORPHOLOGY = "116676008"
CAUSATIVE_AGENT = "246075003"
CLINICAL_COURSE = "263502005"
PROCEDURE_SITE = "363704007"
PROCEDURE_SITE_DIRECT = "405813007"
METHOD = "260686004"
HAS_PRECISE_ACTIVE_INGREDIENT = "762949000"
HAS_BASIS_OF_STRENGTH = "732943007"
HAS_DOSE_FORM = "411116001"
NUMERATOR_UNIT = "732945000"
DENOMINATOR_UNIT = "732947008"
NUMERATOR_VALUE = "1142135004"
DENOMINATOR_VALUE = "1142136003"
COUNT_OF_BASE = "1142139005"
CONCRETE_DATATYPE = {NUMERATOR_VALUE: "decimal", DENOMINATOR_VALUE: "decimal", COUNT_OF_BASE: "integer"}

# ======================================================================================================
# 3. SCTID: Verhoeff check digit, partitions, minting (RF2.md 3.1)
# ======================================================================================================

_D = [[int(ch) for ch in row] for row in (
    "0123456789", "1234067895", "2340178956", "3401289567", "4012395678",
    "5987604321", "6598710432", "7659821043", "8765932104", "9876543210")]
_P = [[int(ch) for ch in row] for row in (
    "0123456789", "1576283094", "5803796142", "8916043527",
    "9453126870", "4286573901", "2793806415", "7046913258")]
_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]
_SCTID_RE = re.compile(r"[1-9][0-9]{5,17}")
PARTITIONS = {"00", "01", "02", "10", "11", "12", "16"}


def verhoeff_check_digit(payload):
    c = 0
    for i, ch in enumerate(reversed(payload)):
        c = _D[c][_P[(i + 1) % 8][int(ch)]]
    return _INV[c]


def verhoeff_ok(s):
    c = 0
    for i, ch in enumerate(reversed(s)):
        c = _D[c][_P[i % 8][int(ch)]]
    return c == 0


def sctid_ok(s, partitions=PARTITIONS):
    """True if s is a well-formed SCTID (digits, Verhoeff, partition in `partitions`, long format => namespace)."""
    if not isinstance(s, str) or not _SCTID_RE.fullmatch(s):
        return False
    if not verhoeff_ok(s):
        return False
    part = s[-3:-1]
    if part not in partitions:
        return False
    if part[0] == "1" and len(s) < 11:   # long format needs item (>=1 digit) + 7-digit namespace + partition + check
        return False
    return True


def partition_of(s):
    return s[-3:-1]


def long_id(item, partition):
    payload = "%d%s%s" % (item, NAMESPACE, partition)
    sid = payload + str(verhoeff_check_digit(payload))
    assert sctid_ok(sid, {partition}), sid
    return sid


def N(item):
    """A minted concept id in namespace 1000202 (partition 10)."""
    return long_id(item, "10")


class Minter:
    """Hands out description / relationship ids by key, sequentially per (package range, partition)."""

    RANGES = {("INT", "11"): 1000001, ("INT", "12"): 1000001, ("NO", "11"): 2000001, ("NO", "12"): 2000001}

    def __init__(self):
        self.next = dict(self.RANGES)
        self.by_key = {}
        self.issued = set()

    def get(self, rng, partition, key):
        k = (rng, partition, key)
        if k not in self.by_key:
            item = self.next[(rng, partition)]
            self.next[(rng, partition)] = item + 1
            sid = long_id(item, partition)
            if sid in self.issued:
                raise SystemExit("minted id collision: %s" % sid)
            self.issued.add(sid)
            self.by_key[k] = sid
        return self.by_key[k]


MINT = Minter()


def member_uuid(*key):
    return str(uuid.uuid5(UUID_NAMESPACE, "|".join(key)))


def range_of(module):
    return "NO" if module == NO_MODULE else "INT"


# ======================================================================================================
# 4. Data model for the hand-authored definitions
# ======================================================================================================

PROPER_NOUN_STARTS = {"Alzheimer's", "Alzheimers", "Staphylococcus", "Norway", "Norwegian", "Great", "United",
                      "International"}


def case_significance(term):
    """Heuristic: acronyms / proper nouns at the start => case sensitive; capitals later => initial insensitive."""
    words = [w for w in re.split(r"[\s/]+", term) if w]
    first = words[0]
    if first in PROPER_NOUN_STARTS or any(ch.isupper() for ch in first[1:]):
        return CS
    if any(any(ch.isupper() for ch in w) for w in words[1:]):
        return IC
    return CI


class Term:
    """One description: text, type, language, acceptability per language refset ({refset: 'P'|'A'})."""

    def __init__(self, text, type_id, acc, lang="en", key=None, case=None):
        self.text = text
        self.type = type_id
        self.acc = OrderedDict(acc)
        self.lang = lang
        self.key = key or text     # the description id is minted from (concept, key): renames keep the id
        self.case = case
        self.active = True
        self.reason = None         # description inactivation reason when inactive

    def case_sig(self):
        if self.case:
            return self.case
        if self.type == DEF:
            return CS
        return case_significance(self.text)


def semantic_tag(fsn):
    m = re.search(r"\(([^()]*)\)$", fsn)
    return m.group(1) if m else None


class Concept:
    def __init__(self, cid, fsn, pt=None, us=None, gb=None, syn=(), us_syn=(), gb_syn=(), isa=(), attrs=(),
                 values=(), defined=False, module=CORE, textdef=None, since=V0, dialects=(US, GB)):
        self.id = cid
        self.module = module
        self.since = since
        self.dialects = tuple(dialects)
        self.isa = list(isa)
        self.attrs = [tuple(a) for a in attrs]       # (group, typeId, destinationId)
        self.values = [tuple(v) for v in values]     # (group, typeId, "#value")
        self.defined = defined
        self.active = True
        self.reason = None
        self.assocs = []                             # (association refset, target) when inactive
        self.terms = []
        both = OrderedDict((d, "P") for d in self.dialects)
        self.terms.append(Term(fsn, FSN, both))
        if pt is None and us is None and gb is None:
            pt = re.sub(r"\s*\([^()]*\)$", "", fsn)
        if pt is not None:
            self.terms.append(Term(pt, SYN, both))
        if us is not None:
            self.terms.append(Term(us, SYN, {US: "P"}))
        if gb is not None:
            self.terms.append(Term(gb, SYN, {GB: "P"}))
        for s in syn:
            self.terms.append(Term(s, SYN, OrderedDict((d, "A") for d in self.dialects)))
        for s in us_syn:
            self.terms.append(Term(s, SYN, {US: "A"}))
        for s in gb_syn:
            self.terms.append(Term(s, SYN, {GB: "A"}))
        if textdef:
            self.terms.append(Term(textdef, DEF, OrderedDict((d, "P") for d in self.dialects)))

    # ---- helpers used by the change functions ----
    def term(self, text):
        hits = [t for t in self.terms if t.text == text]
        assert len(hits) == 1, (self.id, text)
        return hits[0]

    @property
    def fsn(self):
        return [t for t in self.terms if t.type == FSN and t.active][0].text

    def rename(self, old, new):
        self.term(old).text = new

    def add_synonym(self, text, acc=None):
        self.terms.append(Term(text, SYN, acc or OrderedDict((d, "A") for d in self.dialects)))

    def replace_fsn(self, new_fsn, reason):
        old = [t for t in self.terms if t.type == FSN and t.active][0]
        old.active = False
        old.reason = reason
        self.terms.insert(0, Term(new_fsn, FSN, OrderedDict((d, "P") for d in self.dialects)))

    def set_acceptability(self, text, refset, acc):
        self.term(text).acc[refset] = acc

    def inactivate(self, reason, assocs=()):
        self.active = False
        self.defined = False
        self.reason = reason
        self.assocs = list(assocs)


class State:
    """Everything the generator knows about one release: concepts plus content refsets."""

    def __init__(self):
        self.concepts = OrderedDict()
        self.simple = OrderedDict()      # refsetId -> [referencedComponentId]
        self.simple_map = []             # (refsetId, conceptId, mapTarget)
        self.extended_map = []           # (conceptId, icd10 code)
        self.stated = []                 # legacy stated relationships (sourceId, destinationId, group, typeId)

    def c(self, cid):
        return self.concepts[cid]


def checked(*ids):
    for i in ids:
        if not sctid_ok(i, {"00", "10"}):
            raise SystemExit("refusing to use invalid concept id %r" % (i,))


# ======================================================================================================
# 5. The International sample content, as of its first version (20240701), then its history
# ======================================================================================================

INT_CONCEPTS = []


def C(cid, fsn, pt=None, **kw):
    """A core-module concept."""
    kw.setdefault("module", CORE)
    c = Concept(cid, fsn, pt, **kw)
    checked(cid, *c.isa, *[a[1] for a in c.attrs], *[a[2] for a in c.attrs], *[v[1] for v in c.values])
    INT_CONCEPTS.append(c)
    return c


def M(cid, fsn, pt=None, **kw):
    """A model-component-module (metadata) concept."""
    kw["module"] = MODEL
    return C(cid, fsn, pt, **kw)


# Minted (synthetic) International concepts, namespace 1000202
ASTHMATIC_DISORDER = N(990001)     # inactivated 20250101 as a duplicate of 195967001 Asthma
MYOCARDIAL_INFARCT = N(990002)     # inactivated 20250201 as a duplicate of 22298006 Myocardial infarction
COLD_AMBIGUOUS = N(990003)         # inactivated 20250201 as ambiguous (common cold / hypothermia)
DROPSY = N(990004)                 # inactivated 20250201 as outdated, no association
ICPC2_MAP = N(990005)              # demo simple map refset (SNOMED CT -> ICPC-2 code)
OWL_EXPRESSION_ATTR = N(990006)    # refset descriptor attribute for the owlExpression column

# ---- root and the 19 top-level hierarchies -------------------------------------------------------------
C(ROOT, "SNOMED CT Concept (SNOMED RT+CTV3)", "SNOMED CT Concept", isa=[])
C("123037004", "Body structure (body structure)", isa=[ROOT])
C("404684003", "Clinical finding (finding)", isa=[ROOT])
C("308916002", "Environment or geographical location (environment / location)", isa=[ROOT])
C("272379006", "Event (event)", isa=[ROOT])
C("363787002", "Observable entity (observable entity)", isa=[ROOT])
C("410607006", "Organism (organism)", isa=[ROOT])
C("373873005", "Pharmaceutical / biologic product (product)", isa=[ROOT])
C("78621006", "Physical force (physical force)", isa=[ROOT])
C("260787004", "Physical object (physical object)", isa=[ROOT])
C("71388002", "Procedure (procedure)", isa=[ROOT])
C("362981000", "Qualifier value (qualifier value)", isa=[ROOT])
C("419891008", "Record artifact (record artifact)", isa=[ROOT])
C("243796009", "Situation with explicit context (situation)", isa=[ROOT])
M(MODEL_COMPONENT, "SNOMED CT Model Component (metadata)", isa=[ROOT])
C("48176007", "Social context (social concept)", isa=[ROOT])
C("370115009", "Special concept (special concept)", isa=[ROOT])
C("123038009", "Specimen (specimen)", isa=[ROOT])
C("254291000", "Staging and scales (staging scale)", isa=[ROOT])
C("105590001", "Substance (substance)", isa=[ROOT])

# ---- metadata: core metadata concepts ------------------------------------------------------------------
M("900000000000442005", "Core metadata concept (core metadata concept)", isa=[MODEL_COMPONENT])
M("900000000000444006", "Definition status (core metadata concept)", isa=["900000000000442005"])
M(PRIMITIVE, "Primitive concept definition status (core metadata concept)", "Primitive",
  isa=["900000000000444006"])
M(DEFINED, "Sufficiently defined concept definition status (core metadata concept)", "Defined",
  isa=["900000000000444006"])
M("900000000000446008", "Description type (core metadata concept)", isa=["900000000000442005"])
M(FSN, "Fully specified name (core metadata concept)", isa=["900000000000446008"])
M(SYN, "Synonym (core metadata concept)", isa=["900000000000446008"])
M(DEF, "Definition (core metadata concept)", isa=["900000000000446008"])
M("900000000000447004", "Case significance (core metadata concept)", isa=["900000000000442005"])
M(CI, "Entire term case insensitive (core metadata concept)", isa=["900000000000447004"])
M(CS, "Entire term case sensitive (core metadata concept)", isa=["900000000000447004"])
M(IC, "Only initial character case insensitive (core metadata concept)", isa=["900000000000447004"])
M("900000000000449001", "Characteristic type (core metadata concept)", isa=["900000000000442005"])
M("900000000000006009", "Defining relationship (core metadata concept)", isa=["900000000000449001"])
M(STATED, "Stated relationship (core metadata concept)", isa=["900000000000006009"])
M(INFERRED, "Inferred relationship (core metadata concept)", isa=["900000000000006009"])
M("900000000000227009", "Additional relationship (core metadata concept)", isa=["900000000000449001"])
M("900000000000225001", "Qualifying relationship (core metadata concept)", isa=["900000000000449001"])
M("900000000000450001", "Modifier (core metadata concept)", isa=["900000000000442005"])
M(EXISTENTIAL, "Existential restriction modifier (core metadata concept)", "Some",
  isa=["900000000000450001"])
M("900000000000452009", "Universal restriction modifier (core metadata concept)", "All",
  isa=["900000000000450001"])
M("900000000000443000", "Module (core metadata concept)", isa=["900000000000442005"])
M("900000000000445007",
  "International Health Terminology Standards Development Organisation maintained module (core metadata concept)",
  "IHTSDO maintained module", isa=["900000000000443000"])
M(CORE, "SNOMED CT core module (core metadata concept)", isa=["900000000000445007"])
M(MODEL, "SNOMED CT model component module (core metadata concept)", isa=["900000000000445007"])
M(ICD10_MODULE, "SNOMED CT to ICD-10 rule-based mapping module (core metadata concept)",
  isa=["900000000000445007"])

# ---- metadata: foundation metadata concepts (reference sets and their attributes) ----------------------
M("900000000000454005", "Foundation metadata concept (foundation metadata concept)", isa=[MODEL_COMPONENT])
M("900000000000455006", "Reference set (foundation metadata concept)", isa=["900000000000454005"])
M(SIMPLE_TYPE, "Simple type reference set (foundation metadata concept)", isa=["900000000000455006"])
C(LATERALIZABLE, "Lateralizable body structure reference set (foundation metadata concept)",
  isa=[SIMPLE_TYPE])
M("900000000000496009", "Simple map type reference set (foundation metadata concept)",
  isa=["900000000000455006"])
C(ICPC2_MAP, "ICPC-2 demo simple map reference set (foundation metadata concept)",
  isa=["900000000000496009"])
M("447250001", "Complex map type reference set (foundation metadata concept)", isa=["900000000000455006"])
M("609331003", "Extended map type reference set (foundation metadata concept)", isa=["447250001"])
M(ICD10_MAP, "ICD-10 complex map reference set (foundation metadata concept)", isa=["609331003"])
M("900000000000480006", "Attribute value type reference set (foundation metadata concept)",
  isa=["900000000000455006"])
M(CONCEPT_INACTIVATION, "Concept inactivation indicator attribute value reference set (foundation metadata concept)",
  isa=["900000000000480006"])
M(DESCRIPTION_INACTIVATION,
  "Description inactivation indicator attribute value reference set (foundation metadata concept)",
  isa=["900000000000480006"])
M("900000000000521006", "Association type reference set (foundation metadata concept)",
  isa=["900000000000455006"])
M("900000000000522004", "Historical association reference set (foundation metadata concept)",
  isa=["900000000000521006"])
for _id, _name in [(SAME_AS, "SAME AS"), (REPLACED_BY, "REPLACED BY"),
                   (POSSIBLY_EQUIVALENT_TO, "POSSIBLY EQUIVALENT TO"), ("900000000000528000", "WAS A"),
                   ("900000000000524003", "MOVED TO"), ("900000000000525002", "MOVED FROM"),
                   ("900000000000530003", "ALTERNATIVE"), ("900000000000529008", "SIMILAR TO"),
                   ("900000000000531004", "REFERS TO"), ("1186924009", "PARTIALLY EQUIVALENT TO"),
                   ("1186921001", "POSSIBLY REPLACED BY")]:
    M(_id, "%s association reference set (foundation metadata concept)" % _name,
      isa=["900000000000522004"])
M("900000000000506000", "Language type reference set (foundation metadata concept)",
  isa=["900000000000455006"])
M(US, "United States of America English language reference set (foundation metadata concept)",
  "US English", isa=["900000000000506000"])
M(GB, "Great Britain English language reference set (foundation metadata concept)",
  "GB English", isa=["900000000000506000"])
M("762676003", "OWL expression type reference set (foundation metadata concept)", isa=["900000000000455006"])
M(OWL_AXIOM, "OWL axiom reference set (foundation metadata concept)", isa=["762676003"])
M(OWL_ONTOLOGY, "OWL ontology reference set (foundation metadata concept)", isa=["762676003"])
M(MDRS, "Module dependency reference set (foundation metadata concept)", isa=["900000000000455006"])
M(REFSET_DESCRIPTOR, "Reference set descriptor reference set (foundation metadata concept)",
  isa=["900000000000455006"])
M(DESCRIPTION_FORMAT_REFSET, "Description format reference set (foundation metadata concept)",
  isa=["900000000000455006"])
M("900000000000457003", "Reference set attribute (foundation metadata concept)", isa=["900000000000454005"])
M(REFERENCED_COMPONENT, "Referenced component (foundation metadata concept)", isa=["900000000000457003"])
M(ATTRIBUTE_VALUE, "Attribute value (foundation metadata concept)", isa=["900000000000457003"])
M("900000000000481005", "Concept inactivation value (foundation metadata concept)", isa=[ATTRIBUTE_VALUE])
M("900000000000493001", "Description inactivation value (foundation metadata concept)", isa=[ATTRIBUTE_VALUE])
M(DUPLICATE, "Duplicate component (foundation metadata concept)",
  isa=["900000000000481005", "900000000000493001"])
M(OUTDATED, "Outdated component (foundation metadata concept)",
  isa=["900000000000481005", "900000000000493001"])
M(AMBIGUOUS, "Ambiguous component (foundation metadata concept)", isa=["900000000000481005"])
M(ERRONEOUS, "Erroneous component (foundation metadata concept)",
  isa=["900000000000481005", "900000000000493001"])
M("900000000000487009", "Component moved elsewhere (foundation metadata concept)",
  isa=["900000000000481005", "900000000000493001"])
M(NONCONFORMANCE, "Nonconformance to editorial policy component (foundation metadata concept)",
  isa=["900000000000481005", "900000000000493001"])
M("900000000000494007", "Inappropriate component (foundation metadata concept)", isa=["900000000000493001"])
M(CONCEPT_NON_CURRENT, "Concept non-current (foundation metadata concept)", isa=["900000000000493001"])
M(ACCEPTABILITY, "Acceptability (foundation metadata concept)", isa=["900000000000457003"])
M(PREF, "Preferred (foundation metadata concept)", isa=[ACCEPTABILITY])
M(ACCEPT, "Acceptable (foundation metadata concept)", isa=[ACCEPTABILITY])
M(ASSOCIATION_TARGET, "Association target component (foundation metadata concept)",
  isa=["900000000000457003"])
M(ATTRIBUTE_DESCRIPTION, "Attribute description (foundation metadata concept)", isa=["900000000000457003"])
M(ATTRIBUTE_TYPE, "Attribute type (foundation metadata concept)", isa=["900000000000457003"])
M(COMPONENT_TYPE, "Component type (foundation metadata concept)", isa=[ATTRIBUTE_TYPE])
M(CONCEPT_TYPE, "Concept type component (foundation metadata concept)", isa=[COMPONENT_TYPE])
M(DESCRIPTION_TYPE_COMPONENT, "Description type component (foundation metadata concept)",
  isa=[COMPONENT_TYPE])
M(STRING, "String (foundation metadata concept)", isa=[ATTRIBUTE_TYPE])
M(PARSABLE_STRING, "SNOMED CT parsable string (foundation metadata concept)", isa=[STRING])
M(INTEGER, "Integer (foundation metadata concept)", isa=[ATTRIBUTE_TYPE])
M(UNSIGNED_INTEGER, "Unsigned integer (foundation metadata concept)", isa=[INTEGER])
M(TIME, "Time (foundation metadata concept)", isa=[ATTRIBUTE_TYPE])
M(ATTRIBUTE_ORDER, "Attribute order (foundation metadata concept)", isa=["900000000000457003"])
M(MAP_SOURCE, "Map source concept (foundation metadata concept)", isa=["900000000000457003"])
M(MAP_GROUP, "Map group (foundation metadata concept)", isa=["900000000000457003"])
M(MAP_PRIORITY, "Map priority (foundation metadata concept)", isa=["900000000000457003"])
M(MAP_RULE, "Map rule (foundation metadata concept)", isa=["900000000000457003"])
M(MAP_ADVICE, "Map advice (foundation metadata concept)", isa=["900000000000457003"])
M(MAP_TARGET, "Map target (foundation metadata concept)", isa=["900000000000457003"])
M(CORRELATION_VALUE, "SNOMED CT source code to target map code correlation value (foundation metadata concept)",
  "Map correlation value", isa=["900000000000457003"])
M(CORRELATION_NOT_SPECIFIED,
  "SNOMED CT source code to target map code correlation not specified (foundation metadata concept)",
  "Map correlation not specified", isa=[CORRELATION_VALUE])
M(MAP_CATEGORY_VALUE, "Map category value (foundation metadata concept)", isa=["900000000000457003"])
M(PROPERLY_CLASSIFIED, "Map source concept is properly classified (foundation metadata concept)",
  isa=[MAP_CATEGORY_VALUE])
M(SOURCE_ET, "Source effective time (foundation metadata concept)", isa=["900000000000457003"])
M(TARGET_ET, "Target effective time (foundation metadata concept)", isa=["900000000000457003"])
M(DESCRIPTION_FORMAT, "Description format (foundation metadata concept)", isa=["900000000000457003"])
M(PLAIN_TEXT, "Plain text (foundation metadata concept)", isa=[DESCRIPTION_FORMAT])
M(DESCRIPTION_LENGTH, "Description length (foundation metadata concept)", isa=["900000000000457003"])
M(OWL_EXPRESSION_ATTR, "OWL expression attribute (foundation metadata concept)", isa=["900000000000457003"])
M(OWL_NAMESPACE, "OWL ontology namespace (OWL metadata concept)", isa=[MODEL_COMPONENT])
M(OWL_HEADER, "OWL ontology header (OWL metadata concept)", isa=[MODEL_COMPONENT])

# ---- concept model attributes (core module) -------------------------------------------------------------
C("410662002", "Concept model attribute (attribute)", isa=[MODEL_COMPONENT])
C(OBJECT_ATTRIBUTE, "Concept model object attribute (attribute)", isa=["410662002"])
C(DATA_ATTRIBUTE, "Concept model data attribute (attribute)", isa=["410662002"])
C(ISA, "Is a (attribute)", isa=[OBJECT_ATTRIBUTE])
C(ROLE_GROUP, "Role group (attribute)", isa=[OBJECT_ATTRIBUTE])
C(FINDING_SITE, "Finding site (attribute)", isa=[OBJECT_ATTRIBUTE])
C(ASSOCIATED_MORPHOLOGY, "Associated morphology (attribute)", isa=[OBJECT_ATTRIBUTE])
C(CAUSATIVE_AGENT, "Causative agent (attribute)", isa=[OBJECT_ATTRIBUTE])
C(CLINICAL_COURSE, "Clinical course (attribute)", isa=[OBJECT_ATTRIBUTE])
C("42752001", "Due to (attribute)", isa=[OBJECT_ATTRIBUTE])
C(PROCEDURE_SITE, "Procedure site (attribute)", isa=[OBJECT_ATTRIBUTE])
C(PROCEDURE_SITE_DIRECT, "Procedure site - direct (attribute)", isa=[PROCEDURE_SITE])
C(METHOD, "Method (attribute)", isa=[OBJECT_ATTRIBUTE])
C("272741003", "Laterality (attribute)", isa=[OBJECT_ATTRIBUTE])
C(HAS_PRECISE_ACTIVE_INGREDIENT, "Has precise active ingredient (attribute)", isa=[OBJECT_ATTRIBUTE])
C(HAS_BASIS_OF_STRENGTH, "Has basis of strength substance (attribute)", isa=[OBJECT_ATTRIBUTE])
C(HAS_DOSE_FORM, "Has manufactured dose form (attribute)", isa=[OBJECT_ATTRIBUTE])
C(NUMERATOR_UNIT, "Has presentation strength numerator unit (attribute)", isa=[OBJECT_ATTRIBUTE])
C(DENOMINATOR_UNIT, "Has presentation strength denominator unit (attribute)", isa=[OBJECT_ATTRIBUTE])
C(NUMERATOR_VALUE, "Has presentation strength numerator value (attribute)", isa=[DATA_ATTRIBUTE])
C(DENOMINATOR_VALUE, "Has presentation strength denominator value (attribute)", isa=[DATA_ATTRIBUTE])
C(COUNT_OF_BASE, "Count of base of active ingredient (attribute)", isa=[DATA_ATTRIBUTE])

# ---- body structure ------------------------------------------------------------------------------------
C("91723000", "Anatomical structure (body structure)", isa=["123037004"])
C("49755003", "Morphologically abnormal structure (morphologic abnormality)", isa=["123037004"])
C("113257007", "Structure of cardiovascular system (body structure)", isa=["91723000"])
C("80891009", "Heart structure (body structure)", syn=["Heart"], isa=["113257007"])
C("20139000", "Structure of respiratory system (body structure)", isa=["91723000"])
C("39607008", "Lung structure (body structure)", syn=["Lung"], isa=["20139000"])
C("955009", "Bronchial structure (body structure)", syn=["Bronchus"], isa=["20139000"])
C("32849002", "Esophageal structure (body structure)", us="Esophageal structure", gb="Oesophageal structure",
  us_syn=["Esophagus"], gb_syn=["Oesophagus"], isa=["91723000"])
C("64033007", "Kidney structure (body structure)", syn=["Kidney"], isa=["91723000"])
C("72696002", "Knee region structure (body structure)", syn=["Knee"], isa=["91723000"])
C("76752008", "Breast structure (body structure)", isa=["91723000"])
C("12738006", "Brain structure (body structure)", syn=["Brain"], isa=["91723000"])
C("10200004", "Liver structure (body structure)", syn=["Liver"], isa=["91723000"])
C("66754008", "Appendix structure (body structure)", isa=["91723000"])
C("28231008", "Gallbladder structure (body structure)", isa=["91723000"])
C("55641003", "Infarct (morphologic abnormality)", isa=["49755003"])
C("409774005", "Inflammatory morphology (morphologic abnormality)", isa=["49755003"])
C("23583003", "Inflammation (morphologic abnormality)", isa=["409774005"])

# ---- clinical finding ----------------------------------------------------------------------------------
C("64572001", "Disease (disorder)", syn=["Disorder"], isa=["404684003"])
C("49601007", "Disorder of cardiovascular system (disorder)", syn=["Cardiovascular disease"],
  isa=["64572001"], attrs=[(0, FINDING_SITE, "113257007")], defined=True)
C("56265001", "Heart disease (disorder)", syn=["Cardiac disorder"], isa=["49601007"],
  attrs=[(0, FINDING_SITE, "80891009")])
C("414545008", "Ischemic heart disease (disorder)", us="Ischemic heart disease", gb="Ischaemic heart disease",
  isa=["56265001"], attrs=[(0, FINDING_SITE, "80891009")])
C("22298006", "Myocardial infarction (disorder)", syn=["Hart attack", "Infarction of heart"],
  isa=["414545008"], attrs=[(1, FINDING_SITE, "80891009"), (1, ASSOCIATED_MORPHOLOGY, "55641003")],
  textdef="Death of a region of heart muscle that follows an interruption of its blood supply.")
C("57054005", "Acute myocardial infarction (disorder)", syn=["AMI - Acute myocardial infarction"],
  isa=["22298006"], attrs=[(0, CLINICAL_COURSE, "424124008"), (1, FINDING_SITE, "80891009"),
                           (1, ASSOCIATED_MORPHOLOGY, "55641003")], defined=True)
C(MYOCARDIAL_INFARCT, "Myocardial infarct (disorder)", isa=["414545008"],
  attrs=[(0, FINDING_SITE, "80891009")])
C("84114007", "Heart failure (disorder)", syn=["Cardiac failure"], isa=["56265001"],
  attrs=[(0, FINDING_SITE, "80891009")])
C("49436004", "Atrial fibrillation (disorder)", syn=["AF - Atrial fibrillation"], isa=["56265001"],
  attrs=[(0, FINDING_SITE, "80891009")])
C("38341003", "Hypertensive disorder (disorder)", syn=["High blood pressure", "Hypertension"],
  isa=["49601007"], attrs=[(0, FINDING_SITE, "113257007")])
C("59621000", "Essential hypertension (disorder)", syn=["Primary hypertension"], isa=["38341003"])
C("50043002", "Disorder of respiratory system (disorder)", syn=["Respiratory disease"], isa=["64572001"],
  attrs=[(0, FINDING_SITE, "20139000")], defined=True)
C("19829001", "Disorder of lung (disorder)", syn=["Lung disease"], isa=["50043002"],
  attrs=[(0, FINDING_SITE, "39607008")], defined=True)
C("233604007", "Pneumonia (disorder)", syn=["Inflammation of lung"], isa=["19829001", "128139000"],
  attrs=[(1, FINDING_SITE, "39607008"), (1, ASSOCIATED_MORPHOLOGY, "23583003")], defined=True,
  textdef="Inflammation of the lung tissue, most often the result of an infection.")
C("195967001", "Asthma (disorder)", isa=["50043002"], attrs=[(0, FINDING_SITE, "39607008")],
  textdef="Long-term disorder of the airways with recurring episodes of narrowing that cause wheeze "
          "and shortness of breath.")
C(ASTHMATIC_DISORDER, "Asthmatic disorder (disorder)", isa=["50043002"])
C("13645005", "Chronic obstructive lung disease (disorder)",
  syn=["Chronic obstructive pulmonary disease", "COPD - Chronic obstructive pulmonary disease"],
  isa=["19829001"], attrs=[(0, CLINICAL_COURSE, "90734009")])
C("40733004", "Infectious disease (disorder)", syn=["Infection"], isa=["64572001"])
C("82272006", "Common cold (disorder)", syn=['Coryza "common cold"', "Acute nasopharyngitis"],
  isa=["40733004", "50043002"], attrs=[(0, FINDING_SITE, "20139000")])
C(COLD_AMBIGUOUS, "Cold (disorder)", isa=["64572001"])
C("6142004", "Influenza (disorder)", syn=["Flu"], isa=["40733004", "50043002"],
  attrs=[(0, CAUSATIVE_AGENT, "49872002")])
C("386689009", "Hypothermia (disorder)", syn=["Low body temperature"], isa=["64572001"])
C(DROPSY, "Dropsy (disorder)", isa=["64572001"])
C("128139000", "Inflammatory disorder (disorder)", isa=["64572001"],
  attrs=[(0, ASSOCIATED_MORPHOLOGY, "409774005")])
C("53619000", "Disorder of digestive system (disorder)", syn=["Digestive system disorder"], isa=["64572001"])
C("16761005", "Esophagitis (disorder)", us="Esophagitis", gb="Oesophagitis",
  us_syn=["Inflammation of esophagus"], gb_syn=["Inflammation of oesophagus"],
  isa=["53619000", "128139000"],
  attrs=[(1, FINDING_SITE, "32849002"), (1, ASSOCIATED_MORPHOLOGY, "23583003")], defined=True)
C("235856003", "Disorder of liver (disorder)", syn=["Liver disease"], isa=["53619000"],
  attrs=[(0, FINDING_SITE, "10200004")])
C("362969004", "Disorder of endocrine system (disorder)", syn=["Endocrine disease"], isa=["64572001"])
C("73211009", "Diabetes mellitus (disorder)", syn=["DM - Diabetes mellitus"], isa=["362969004"],
  textdef="Group of metabolic disorders in which the blood glucose level stays raised because the body "
          "makes too little insulin or responds poorly to it.")
C("46635009", "Type 1 diabetes mellitus (disorder)", syn=["Insulin dependent diabetes mellitus"],
  isa=["73211009"])
C("44054006", "Type 2 diabetes mellitus (disorder)", syn=["Non-insulin dependent diabetes mellitus"],
  isa=["73211009"])
C("928000", "Disorder of musculoskeletal system (disorder)", syn=["Musculoskeletal disorder"],
  isa=["64572001"])
C("3723001", "Arthritis (disorder)", syn=["Joint inflammation"], isa=["928000", "128139000"])
C("396275006", "Osteoarthritis (disorder)", syn=["Degenerative joint disease"], isa=["3723001"])
C("239873007", "Osteoarthritis of knee (disorder)", syn=["Knee osteoarthritis"], isa=["396275006"],
  attrs=[(0, FINDING_SITE, "72696002")])
C("118940003", "Disorder of nervous system (disorder)", syn=["Neurological disorder"], isa=["64572001"])
C("230690007", "Cerebrovascular accident (disorder)", syn=["Stroke"], isa=["118940003", "49601007"],
  attrs=[(0, FINDING_SITE, "12738006")])
C("24700007", "Multiple sclerosis (disorder)", syn=["MS - Multiple sclerosis"], isa=["118940003"])
C("26929004", "Alzheimer's disease (disorder)", isa=["118940003"], attrs=[(0, FINDING_SITE, "12738006")])
C("90708001", "Kidney disease (disorder)", syn=["Renal disease"], isa=["64572001"],
  attrs=[(0, FINDING_SITE, "64033007")])
C("709044004", "Chronic kidney disease (disorder)", syn=["CKD - Chronic kidney disease"], isa=["90708001"],
  attrs=[(0, FINDING_SITE, "64033007"), (0, CLINICAL_COURSE, "90734009")], defined=True)
C("22253000", "Pain (finding)", isa=["404684003"])
C("29857009", "Chest pain (finding)", isa=["22253000"])
C("25064002", "Headache (finding)", syn=["Cephalalgia"], isa=["22253000"])
C("386661006", "Fever (finding)", syn=["Pyrexia"], isa=["404684003"])
C("49727002", "Cough (finding)", isa=["404684003"])
C("267036007", "Dyspnea (finding)", us="Dyspnea", gb="Dyspnoea", syn=["Shortness of breath"],
  gb_syn=["Breathlessness"], isa=["404684003"])

# ---- procedure -----------------------------------------------------------------------------------------
C("387713003", "Surgical procedure (procedure)", syn=["Operation"], isa=["71388002"])
C("80146002", "Appendectomy (procedure)", us="Appendectomy", gb="Appendicectomy",
  syn=["Excision of appendix"], isa=["387713003"],
  attrs=[(1, METHOD, "129304002"), (1, PROCEDURE_SITE_DIRECT, "66754008")], defined=True)
C("38102005", "Cholecystectomy (procedure)", syn=["Excision of gallbladder"], isa=["387713003"],
  attrs=[(1, METHOD, "129304002"), (1, PROCEDURE_SITE_DIRECT, "28231008")], defined=True)
C("232717009", "Coronary artery bypass grafting (procedure)", syn=["CABG - Coronary artery bypass graft"],
  isa=["387713003"], attrs=[(0, PROCEDURE_SITE, "80891009")])
C("609588000", "Total knee replacement (procedure)", syn=["Total knee arthroplasty"], isa=["387713003"],
  attrs=[(0, PROCEDURE_SITE, "72696002")])
C("103693007", "Diagnostic procedure (procedure)", isa=["71388002"])
C("29303009", "Electrocardiographic procedure (procedure)", syn=["ECG - Electrocardiography"],
  isa=["103693007"], attrs=[(0, PROCEDURE_SITE, "80891009")])
C("40701008", "Echocardiography (procedure)", syn=["Cardiac ultrasound"], isa=["103693007"],
  attrs=[(0, PROCEDURE_SITE, "80891009")])
C("3457005", "Patient referral (procedure)", syn=["Referral"], isa=["71388002"])

# ---- qualifier value -----------------------------------------------------------------------------------
C("288524001", "Courses (qualifier value)", isa=["362981000"])
C("424124008", "Sudden onset AND/OR short duration (qualifier value)", syn=["Acute"], isa=["288524001"])
C("90734009", "Chronic (qualifier value)", syn=["Long-term"], isa=["288524001"])
C("182353008", "Side (qualifier value)", isa=["362981000"])
C("24028007", "Right (qualifier value)", isa=["182353008"])
C("7771000", "Left (qualifier value)", isa=["182353008"])
C("129304002", "Excision - action (qualifier value)", isa=["362981000"])
C("258684004", "milligram (qualifier value)", "mg", isa=["362981000"])
C("732936001", "Tablet (unit of presentation)", isa=["362981000"])
C("421026006", "Oral tablet (dose form)", isa=["362981000"])

# ---- substance and product -----------------------------------------------------------------------------
C("387517004", "Paracetamol (substance)", us="Acetaminophen", gb="Paracetamol", isa=["105590001"])
C("67866001", "Insulin (substance)", isa=["105590001"])
C("372687004", "Amoxicillin (substance)", isa=["105590001"])
C("763158003", "Medicinal product (product)", isa=["373873005"])
C("322236009", "Paracetamol 500 mg oral tablet (clinical drug)", us="Acetaminophen 500 mg oral tablet",
  gb="Paracetamol 500 mg oral tablet", isa=["763158003"],
  attrs=[(0, HAS_DOSE_FORM, "421026006"),
         (1, HAS_PRECISE_ACTIVE_INGREDIENT, "387517004"), (1, HAS_BASIS_OF_STRENGTH, "387517004"),
         (1, NUMERATOR_UNIT, "258684004"), (1, DENOMINATOR_UNIT, "732936001")],
  values=[(0, COUNT_OF_BASE, "#1"), (1, NUMERATOR_VALUE, "#500"), (1, DENOMINATOR_VALUE, "#1")],
  defined=True)

# ---- organism, observable, object, specimen ------------------------------------------------------------
C("409822003", "Domain Bacteria (organism)", "Bacteria", isa=["410607006"])
C("3092008", "Staphylococcus aureus (organism)", isa=["409822003"])
C("49872002", "Virus (organism)", isa=["410607006"])
C("407479009", "Influenza A virus (organism)", isa=["49872002"])
C("364075005", "Heart rate (observable entity)", syn=["Pulse rate"], isa=["363787002"])
C("75367002", "Blood pressure (observable entity)", isa=["363787002"])
C("386725007", "Body temperature (observable entity)", isa=["363787002"])
C("49062001", "Device (physical object)", isa=["260787004"])
C("119297000", "Blood specimen (specimen)", isa=["123038009"])

# ---- added in 20250101 ---------------------------------------------------------------------------------
C("698247007", "Cardiac arrhythmia (disorder)", syn=["Heart rhythm disorder", "Dysrhythmia"],
  isa=["56265001"], attrs=[(0, FINDING_SITE, "80891009")], since=V1)

# ---- added in 20250201 ---------------------------------------------------------------------------------
C("840533007", "Severe acute respiratory syndrome coronavirus 2 (organism)", "SARS-CoV-2",
  isa=["49872002"], since=V2)
C("840539006", "COVID-19 (disorder)", "COVID-19",
  syn=["Coronavirus disease 2019"], isa=["40733004", "50043002"],
  attrs=[(1, CAUSATIVE_AGENT, "840533007"), (1, FINDING_SITE, "20139000")], defined=True, since=V2)
C("401303003", "Acute ST segment elevation myocardial infarction (disorder)",
  syn=["STEMI - ST elevation myocardial infarction"], isa=["57054005"],
  attrs=[(0, CLINICAL_COURSE, "424124008"), (1, FINDING_SITE, "80891009"),
         (1, ASSOCIATED_MORPHOLOGY, "55641003")], since=V2)

# ---- content refsets and maps (with the version a row first appears) -----------------------------------
SIMPLE_MEMBERS = [  # (refset, component, since)
    (LATERALIZABLE, "72696002", V0), (LATERALIZABLE, "39607008", V0), (LATERALIZABLE, "64033007", V0),
    (LATERALIZABLE, "80891009", V0),   # a mistake: removed again in 20250201
    (LATERALIZABLE, "76752008", V1),
]
ICPC2_ROWS = [  # (concept, ICPC-2 code, since)
    ("22298006", "K75", V0), ("57054005", "K75", V0), ("84114007", "K77", V0), ("49436004", "K78", V0),
    ("38341003", "K86", V0), ("46635009", "T89", V0), ("44054006", "T90", V0), ("195967001", "R96", V0),
    (ASTHMATIC_DISORDER, "R96", V0), ("233604007", "R81", V0), ("13645005", "R95", V0),
    ("82272006", "R74", V0), (COLD_AMBIGUOUS, "R74", V0), ("6142004", "R80", V0), ("239873007", "L90", V1),
]
ICD10_ROWS = [  # (concept, ICD-10 code, since) -- one map group, "ALWAYS <code>"
    ("22298006", "I21.9", V0), ("57054005", "I21.9", V0), (MYOCARDIAL_INFARCT, "I21.9", V0),
    ("84114007", "I50.9", V0), ("49436004", "I48.9", V0), ("73211009", "E14.9", V0),
    ("46635009", "E10.9", V0), ("44054006", "E11.9", V0), ("195967001", "J45.9", V0),
    ("233604007", "J18.9", V0), ("13645005", "J44.9", V0), ("82272006", "J00", V0),
    ("239873007", "M17.9", V0), ("698247007", "I49.9", V1),
    ("840539006", "U07.1", V2), ("401303003", "I21.3", V2),
]
LEGACY_STATED = [  # stated relationships from before the OWL era: active in 20240701, inactivated 20250101
    ("22298006", "414545008", 0, ISA), ("22298006", "80891009", 1, FINDING_SITE),
    ("22298006", "55641003", 1, ASSOCIATED_MORPHOLOGY),
]
OWL_ONTOLOGY_ROWS = [  # (referencedComponentId, owlExpression)
    (OWL_NAMESPACE, "Prefix(:=<http://snomed.info/id/>)"),
    (OWL_NAMESPACE, "Prefix(owl:=<http://www.w3.org/2002/07/owl#>)"),
    (OWL_NAMESPACE, "Prefix(rdf:=<http://www.w3.org/1999/02/22-rdf-syntax-ns#>)"),
    (OWL_NAMESPACE, "Prefix(rdfs:=<http://www.w3.org/2000/01/rdf-schema#>)"),
    (OWL_NAMESPACE, "Prefix(xsd:=<http://www.w3.org/2001/XMLSchema#>)"),
    (OWL_HEADER, "Ontology(<http://snomed.info/sct/900000000000207008>)"),
]

# ---- history: every edit after 20240701, in order. Each function edits a copy of the state. ---------------

HISTORY = []


def change(version):
    def deco(fn):
        HISTORY.append((version, fn))
        return fn
    return deco


@change(V1)
def fix_heart_attack_typo(S):
    """22298006: synonym "Hart attack" corrected to "Heart attack" (same description id, term changed)."""
    S.c("22298006").rename("Hart attack", "Heart attack")


@change(V1)
def define_myocardial_infarction(S):
    """22298006: primitive -> fully defined (axiom becomes EquivalentClasses)."""
    S.c("22298006").defined = True


@change(V1)
def retire_stated_relationships(S):
    """The legacy stated relationships of 22298006 are inactivated (stated form now lives in OWL only)."""
    S.stated = []


@change(V1)
def inactivate_asthmatic_disorder(S):
    """Asthmatic disorder (990001..) inactivated: Duplicate, SAME AS 195967001 |Asthma|."""
    S.c(ASTHMATIC_DISORDER).inactivate(DUPLICATE, [(SAME_AS, "195967001")])


@change(V2)
def inactivate_duplicate(S):
    """Myocardial infarct (990002..) inactivated: Duplicate, SAME AS 22298006 |Myocardial infarction|."""
    S.c(MYOCARDIAL_INFARCT).inactivate(DUPLICATE, [(SAME_AS, "22298006")])


@change(V2)
def inactivate_ambiguous(S):
    """Cold (990003..) inactivated: Ambiguous, POSSIBLY EQUIVALENT TO 82272006 |Common cold| and
    386689009 |Hypothermia|."""
    S.c(COLD_AMBIGUOUS).inactivate(AMBIGUOUS, [(POSSIBLY_EQUIVALENT_TO, "82272006"),
                                              (POSSIBLY_EQUIVALENT_TO, "386689009")])


@change(V2)
def inactivate_outdated(S):
    """Dropsy (990004..) inactivated: Outdated, no historical association."""
    S.c(DROPSY).inactivate(OUTDATED)


@change(V2)
def change_hypertension_fsn(S):
    """38341003: FSN "Hypertensive disorder (disorder)" inactivated (nonconformance to editorial policy),
    new FSN "Hypertensive disorder, systemic arterial (disorder)"."""
    S.c("38341003").replace_fsn("Hypertensive disorder, systemic arterial (disorder)", NONCONFORMANCE)


@change(V2)
def swap_copd_us_preferred_term(S):
    """13645005: en-US preferred term becomes "Chronic obstructive pulmonary disease" (was acceptable);
    "Chronic obstructive lung disease" becomes acceptable. en-GB unchanged."""
    c = S.c("13645005")
    c.set_acceptability("Chronic obstructive pulmonary disease", US, "P")
    c.set_acceptability("Chronic obstructive lung disease", US, "A")


@change(V2)
def add_asthma_synonym(S):
    """195967001: new synonym "Bronchial asthma" (acceptable in en-US and en-GB)."""
    S.c("195967001").add_synonym("Bronchial asthma")


@change(V2)
def move_atrial_fibrillation(S):
    """49436004: IS-A 56265001 |Heart disease| inactivated, IS-A 698247007 |Cardiac arrhythmia| added."""
    c = S.c("49436004")
    c.isa.remove("56265001")
    c.isa.append("698247007")


@change(V2)
def change_asthma_finding_site(S):
    """195967001: Finding site 39607008 |Lung structure| replaced by 955009 |Bronchial structure|."""
    c = S.c("195967001")
    c.attrs.remove((0, FINDING_SITE, "39607008"))
    c.attrs.append((0, FINDING_SITE, "955009"))


@change(V2)
def define_heart_disease(S):
    """56265001: primitive -> fully defined."""
    S.c("56265001").defined = True


@change(V2)
def lateralizable_refset_update(S):
    """723264001: member 955009 |Bronchial structure| added, member 80891009 |Heart structure| inactivated."""
    S.simple[LATERALIZABLE].append("955009")
    S.simple[LATERALIZABLE].remove("80891009")


def int_state(version):
    """The International content as of `version` (one of INT_VERSIONS)."""
    S = State()
    for c in INT_CONCEPTS:
        if c.since <= version:
            S.concepts[c.id] = copy.deepcopy(c)
    for refset, comp, since in SIMPLE_MEMBERS:
        if since <= version:
            S.simple.setdefault(refset, []).append(comp)
    S.simple_map = [(ICPC2_MAP, comp, code) for comp, code, since in ICPC2_ROWS if since <= version]
    S.extended_map = [(comp, code) for comp, code, since in ICD10_ROWS if since <= version]
    S.stated = list(LEGACY_STATED)
    for v, fn in HISTORY:
        if v <= version:
            fn(S)
    return S


# ======================================================================================================
# 6. The Norwegian extension (module 51000202101), on top of INT 20250201
# ======================================================================================================

NO_GP_REFERRAL = N(880001)
NO_KNEE_OA_SPORTS = N(880002)
NO_COLD_ASTHMA = N(880003)
NO_CARDIOLOGY_REFSET = N(880004)
NO_PRIMARY_CARE_REFSET = N(880005)

NO_CONCEPTS = []


def NOC(cid, fsn, pt=None, **kw):
    kw["module"] = NO_MODULE
    kw["dialects"] = (US,)       # English FSN + synonym preferred in en-US only (as the real NO extension)
    kw["since"] = VNO
    c = Concept(cid, fsn, pt, **kw)
    checked(cid, *c.isa, *[a[1] for a in c.attrs], *[a[2] for a in c.attrs])
    NO_CONCEPTS.append(c)
    return c


NOC(NO_MODULE, "Norway module (core metadata concept)", isa=["900000000000443000"])
NOC(NB, "Norwegian Bokmål language reference set (foundation metadata concept)", isa=["900000000000506000"])
NOC(NN, "Norwegian Nynorsk language reference set (foundation metadata concept)", isa=["900000000000506000"])
NOC(NO_CARDIOLOGY_REFSET, "Cardiology diagnoses reference set (foundation metadata concept)", isa=[SIMPLE_TYPE])
NOC(NO_PRIMARY_CARE_REFSET, "Primary care diagnoses reference set (foundation metadata concept)",
    isa=[SIMPLE_TYPE])
NOC(NO_GP_REFERRAL, "Referral to regular general practitioner (procedure)", isa=["3457005"])
NOC(NO_KNEE_OA_SPORTS, "Osteoarthritis of knee after sports injury (disorder)", isa=["239873007"],
    attrs=[(0, FINDING_SITE, "72696002")])
NOC(NO_COLD_ASTHMA, "Cold-induced asthma (disorder)", isa=["195967001"], attrs=[(0, FINDING_SITE, "955009")])

# Norwegian terms (languageCode "no"): (concept, bokmål PT, nynorsk PT, [(acceptable synonym, "nb"|"nn"|"both")])
# A term spelled the same in both written standards is ONE description, a member of both refsets.
NO_TERMS = [
    ("404684003", "klinisk funn", "klinisk funn", []),
    ("64572001", "sykdom", "sjukdom", [("lidelse", "nb")]),
    ("49601007", "sykdom i hjerte-karsystemet", "sjukdom i hjarte-karsystemet", [("hjerte-karsykdom", "nb")]),
    ("56265001", "hjertesykdom", "hjartesjukdom", []),
    ("414545008", "iskemisk hjertesykdom", "iskemisk hjartesjukdom", []),
    ("22298006", "hjerteinfarkt", "hjarteinfarkt", [("myokardinfarkt", "both")]),
    ("57054005", "akutt hjerteinfarkt", "akutt hjarteinfarkt", []),
    ("401303003", "akutt ST-elevasjonsinfarkt", "akutt ST-elevasjonsinfarkt", [("STEMI", "both")]),
    ("84114007", "hjertesvikt", "hjartesvikt", []),
    ("698247007", "hjerterytmeforstyrrelse", "hjarterytmeforstyrring", [("arytmi", "both")]),
    ("49436004", "atrieflimmer", "atrieflimmer", [("forkammerflimmer", "both")]),
    ("38341003", "høyt blodtrykk", "høgt blodtrykk", [("hypertensjon", "both")]),
    ("59621000", "essensiell hypertensjon", "essensiell hypertensjon", []),
    ("50043002", "sykdom i luftveiene", "sjukdom i luftvegane", []),
    ("19829001", "lungesykdom", "lungesjukdom", []),
    ("233604007", "lungebetennelse", "lungebetennelse", [("pneumoni", "both")]),
    ("195967001", "astma", "astma", []),
    ("13645005", "kronisk obstruktiv lungesykdom", "kronisk obstruktiv lungesjukdom", [("KOLS", "both")]),
    ("40733004", "infeksjonssykdom", "infeksjonssjukdom", []),
    ("82272006", "forkjølelse", "forkjøling", []),
    ("6142004", "influensa", "influensa", []),
    ("840539006", "covid-19", "covid-19", []),
    ("386689009", "hypotermi", "hypotermi", [("nedkjøling", "both")]),
    ("128139000", "betennelsessykdom", "betennelsessjukdom", []),
    ("53619000", "sykdom i fordøyelsessystemet", "sjukdom i fordøyingssystemet", []),
    ("16761005", "spiserørsbetennelse", "spiserøyrsbetennelse", [("øsofagitt", "both")]),
    ("235856003", "leversykdom", "leversjukdom", []),
    ("362969004", "endokrin sykdom", "endokrin sjukdom", []),
    ("73211009", "diabetes mellitus", "diabetes mellitus", [("sukkersyke", "nb"), ("sukkersjuke", "nn")]),
    ("46635009", "type 1-diabetes", "type 1-diabetes", []),
    ("44054006", "type 2-diabetes", "type 2-diabetes", []),
    ("928000", "sykdom i muskel-skjelettsystemet", "sjukdom i muskel-skjelettsystemet", []),
    ("3723001", "leddbetennelse", "leddbetennelse", [("artritt", "both")]),
    ("396275006", "artrose", "artrose", [("slitasjegikt", "nb")]),
    ("239873007", "kneleddsartrose", "kneleddsartrose", [("artrose i kne", "both"), ("gonartrose", "both")]),
    ("118940003", "sykdom i nervesystemet", "sjukdom i nervesystemet", []),
    ("230690007", "hjerneslag", "hjerneslag", [("slag", "both")]),
    ("24700007", "multippel sklerose", "multippel sklerose", [("MS", "both")]),
    ("26929004", "Alzheimers sykdom", "Alzheimers sjukdom", []),
    ("90708001", "nyresykdom", "nyresjukdom", []),
    ("709044004", "kronisk nyresykdom", "kronisk nyresjukdom", []),
    ("22253000", "smerte", "smerte", []),
    ("29857009", "brystsmerter", "brystsmerter", []),
    ("25064002", "hodepine", "hovudverk", []),
    ("386661006", "feber", "feber", []),
    ("49727002", "hoste", "hoste", []),
    ("267036007", "tungpust", "tungpust", [("dyspné", "both")]),
    ("123037004", "kroppsstruktur", "kroppsstruktur", []),
    ("91723000", "anatomisk struktur", "anatomisk struktur", []),
    ("113257007", "struktur i hjerte-karsystemet", "struktur i hjarte-karsystemet", []),
    ("80891009", "hjertestruktur", "hjartestruktur", [("hjerte", "nb"), ("hjarte", "nn")]),
    ("20139000", "struktur i luftveiene", "struktur i luftvegane", []),
    ("39607008", "lungestruktur", "lungestruktur", [("lunge", "both")]),
    ("955009", "bronkialstruktur", "bronkialstruktur", []),
    ("32849002", "spiserørsstruktur", "spiserøyrsstruktur", []),
    ("64033007", "nyrestruktur", "nyrestruktur", [("nyre", "both")]),
    ("72696002", "kneregionstruktur", "kneregionstruktur", [("kne", "both")]),
    ("12738006", "hjernestruktur", "hjernestruktur", []),
    ("10200004", "leverstruktur", "leverstruktur", []),
    ("55641003", "infarkt", "infarkt", []),
    ("23583003", "betennelse", "betennelse", [("inflammasjon", "both")]),
    ("71388002", "prosedyre", "prosedyre", []),
    ("387713003", "kirurgisk inngrep", "kirurgisk inngrep", [("operasjon", "both")]),
    ("80146002", "appendektomi", "appendektomi", [("blindtarmoperasjon", "both")]),
    ("38102005", "kolecystektomi", "kolecystektomi", [("fjerning av galleblære", "nb")]),
    ("232717009", "koronar bypassoperasjon", "koronar bypassoperasjon", []),
    ("609588000", "total kneprotese", "total kneprotese", []),
    ("29303009", "EKG-undersøkelse", "EKG-undersøking", [("EKG", "both")]),
    ("40701008", "ekkokardiografi", "ekkokardiografi", []),
    ("3457005", "henvisning av pasient", "tilvising av pasient", []),
    ("387517004", "paracetamol", "paracetamol", []),
    ("322236009", "paracetamol 500 mg tablett", "paracetamol 500 mg tablett", []),
    ("67866001", "insulin", "insulin", []),
    ("410607006", "organisme", "organisme", []),
    ("3092008", "Staphylococcus aureus", "Staphylococcus aureus",
     [("gule stafylokokker", "nb"), ("gule stafylokokkar", "nn")]),
    ("840533007", "SARS-CoV-2", "SARS-CoV-2", []),
    ("364075005", "hjertefrekvens", "hjartefrekvens", [("puls", "both")]),
    ("75367002", "blodtrykk", "blodtrykk", []),
    ("386725007", "kroppstemperatur", "kroppstemperatur", []),
    ("105590001", "substans", "substans", []),
    ("119297000", "blodprøve", "blodprøve", []),
    # Norway-only concepts and the extension's own metadata
    (NO_MODULE, "norsk modul", "norsk modul", []),
    (NB, "språkreferansesett for bokmål", "språkreferansesett for bokmål", []),
    (NN, "språkreferansesett for nynorsk", "språkreferansesett for nynorsk", []),
    (NO_CARDIOLOGY_REFSET, "kardiologiske diagnoser", "kardiologiske diagnosar", []),
    (NO_PRIMARY_CARE_REFSET, "diagnoser i allmennpraksis", "diagnosar i allmennpraksis", []),
    (NO_GP_REFERRAL, "henvisning til fastlege", "tilvising til fastlege", []),
    (NO_KNEE_OA_SPORTS, "kneleddsartrose etter idrettsskade", "kneleddsartrose etter idrettsskade", []),
    (NO_COLD_ASTHMA, "kuldeutløst astma", "kuldeutløyst astma", [("kuldeastma", "both")]),
]
NO_TEXT_DEFINITIONS = [  # (concept, Norwegian text, refsets where preferred)
    (NO_COLD_ASTHMA, "Astma der anfallene utløses av at man puster inn kald luft.", [NB]),
]
NO_SIMPLE_MEMBERS = OrderedDict([
    (NO_CARDIOLOGY_REFSET, ["22298006", "57054005", "401303003", "414545008", "56265001", "84114007",
                            "49436004", "698247007", "38341003", "59621000"]),
    (NO_PRIMARY_CARE_REFSET, ["195967001", NO_COLD_ASTHMA, "233604007", "82272006", "6142004", "44054006",
                              "38341003", "239873007", NO_KNEE_OA_SPORTS, "13645005", "840539006",
                              NO_GP_REFERRAL]),
])
NO_DEPENDS_ON = [(CORE, V2), (MODEL, V2)]   # MDRS targets for 51000202101


# ======================================================================================================
# 7. From definitions to RF2 rows ("worlds": every component as it should be in one version)
# ======================================================================================================

TABLES = ["concept", "description", "textdef", "relationship", "stated", "concrete", "owl", "simple",
          "association", "attrvalue", "language", "simplemap", "extmap", "refsetdesc", "desctype", "mdrs"]
COMPONENT_TABLES = {"concept", "description", "textdef", "relationship", "stated", "concrete"}

HEADERS = {
    "concept": "id effectiveTime active moduleId definitionStatusId",
    "description": "id effectiveTime active moduleId conceptId languageCode typeId term caseSignificanceId",
    "textdef": "id effectiveTime active moduleId conceptId languageCode typeId term caseSignificanceId",
    "relationship": "id effectiveTime active moduleId sourceId destinationId relationshipGroup typeId "
                    "characteristicTypeId modifierId",
    "stated": "id effectiveTime active moduleId sourceId destinationId relationshipGroup typeId "
              "characteristicTypeId modifierId",
    "concrete": "id effectiveTime active moduleId sourceId value relationshipGroup typeId "
                "characteristicTypeId modifierId",
    "owl": "id effectiveTime active moduleId refsetId referencedComponentId owlExpression",
    "simple": "id effectiveTime active moduleId refsetId referencedComponentId",
    "association": "id effectiveTime active moduleId refsetId referencedComponentId targetComponentId",
    "attrvalue": "id effectiveTime active moduleId refsetId referencedComponentId valueId",
    "language": "id effectiveTime active moduleId refsetId referencedComponentId acceptabilityId",
    "simplemap": "id effectiveTime active moduleId refsetId referencedComponentId mapTarget",
    "extmap": "id effectiveTime active moduleId refsetId referencedComponentId mapGroup mapPriority mapRule "
              "mapAdvice mapTarget correlationId mapCategoryId",
    "refsetdesc": "id effectiveTime active moduleId refsetId referencedComponentId attributeDescription "
                  "attributeType attributeOrder",
    "desctype": "id effectiveTime active moduleId refsetId referencedComponentId descriptionFormat "
                "descriptionLength",
    "mdrs": "id effectiveTime active moduleId refsetId referencedComponentId sourceEffectiveTime "
            "targetEffectiveTime",
}
HEADERS = {k: v.split() for k, v in HEADERS.items()}

# refset descriptor rows per refset kind: (attributeDescription, attributeType), attributeOrder = position
DESCRIPTOR_SPECS = {
    "simple": [(REFERENCED_COMPONENT, CONCEPT_TYPE)],
    "language": [(REFERENCED_COMPONENT, DESCRIPTION_TYPE_COMPONENT), (ACCEPTABILITY, CONCEPT_TYPE)],
    "association": [(REFERENCED_COMPONENT, COMPONENT_TYPE), (ASSOCIATION_TARGET, COMPONENT_TYPE)],
    "attrvalue": [(REFERENCED_COMPONENT, COMPONENT_TYPE), (ATTRIBUTE_VALUE, CONCEPT_TYPE)],
    "simplemap": [(MAP_SOURCE, CONCEPT_TYPE), (MAP_TARGET, STRING)],
    "extmap": [(REFERENCED_COMPONENT, CONCEPT_TYPE), (MAP_GROUP, INTEGER), (MAP_PRIORITY, INTEGER),
               (MAP_RULE, PARSABLE_STRING), (MAP_ADVICE, STRING), (MAP_TARGET, STRING),
               (CORRELATION_VALUE, CONCEPT_TYPE), (MAP_CATEGORY_VALUE, CONCEPT_TYPE)],
    "owl": [(REFERENCED_COMPONENT, CONCEPT_TYPE), (OWL_EXPRESSION_ATTR, STRING)],
    "mdrs": [(REFERENCED_COMPONENT, CONCEPT_TYPE), (SOURCE_ET, TIME), (TARGET_ET, TIME)],
    "refsetdesc": [(REFERENCED_COMPONENT, CONCEPT_TYPE), (ATTRIBUTE_DESCRIPTION, CONCEPT_TYPE),
                   (ATTRIBUTE_TYPE, CONCEPT_TYPE), (ATTRIBUTE_ORDER, UNSIGNED_INTEGER)],
    "desctype": [(REFERENCED_COMPONENT, CONCEPT_TYPE), (DESCRIPTION_FORMAT, CONCEPT_TYPE),
                 (DESCRIPTION_LENGTH, UNSIGNED_INTEGER)],
}
# which kind of refset a refset concept is, by (nearest) refset-type ancestor
REFSET_KIND_BY_ANCESTOR = [
    ("900000000000506000", "language"), ("900000000000521006", "association"),
    ("900000000000480006", "attrvalue"), ("900000000000496009", "simplemap"), ("609331003", "extmap"),
    ("762676003", "owl"), (MDRS, "mdrs"), (REFSET_DESCRIPTOR, "refsetdesc"),
    (DESCRIPTION_FORMAT_REFSET, "desctype"), (SIMPLE_TYPE, "simple"),
]


def b(flag):
    return "1" if flag else "0"


def new_world():
    return {t: OrderedDict() for t in TABLES}


def is_under(cid, ancestor, lookup, include_self=False):
    if include_self and cid == ancestor:
        return True
    seen, todo = set(), list(lookup[cid].isa)
    while todo:
        x = todo.pop()
        if x == ancestor:
            return True
        if x not in seen:
            seen.add(x)
            todo.extend(lookup[x].isa)
    return False


def owl_value(type_id, value):
    assert value.startswith("#")
    return '"%s"^^xsd:%s' % (value[1:], CONCRETE_DATATYPE[type_id])


def owl_expression(c, lookup):
    if c.id not in (OBJECT_ATTRIBUTE, ISA) and is_under(c.id, OBJECT_ATTRIBUTE, lookup):
        assert len(c.isa) == 1
        return "SubObjectPropertyOf(:%s :%s)" % (c.id, c.isa[0])
    if c.id != DATA_ATTRIBUTE and is_under(c.id, DATA_ATTRIBUTE, lookup):
        assert len(c.isa) == 1
        return "SubDataPropertyOf(:%s :%s)" % (c.id, c.isa[0])
    items = [":%s" % p for p in c.isa]
    groups = defaultdict(list)
    for g, typ, dest in c.attrs:
        groups[g].append("ObjectSomeValuesFrom(:%s :%s)" % (typ, dest))
    for g, typ, val in c.values:
        groups[g].append("DataHasValue(:%s %s)" % (typ, owl_value(typ, val)))
    items.extend(groups.get(0, []))
    for g in sorted(k for k in groups if k):
        inner = groups[g][0] if len(groups[g]) == 1 else "ObjectIntersectionOf(%s)" % " ".join(groups[g])
        items.append("ObjectSomeValuesFrom(:%s %s)" % (ROLE_GROUP, inner))
    body = items[0] if len(items) == 1 else "ObjectIntersectionOf(%s)" % " ".join(items)
    return "%s(:%s %s)" % ("EquivalentClasses" if c.defined else "SubClassOf", c.id, body)


def add_member(W, table, key, module, refset, component, *extra):
    mid = member_uuid(table, refset, component, *key)
    assert mid not in W[table], (table, key)
    W[table][mid] = [mid, "", "1", module, refset, component] + list(extra)
    return mid


def add_language(W, refset, description_id, acc, module):
    add_member(W, "language", (), module, refset, description_id, PREF if acc == "P" else ACCEPT)


def emit_concept(W, c, lookup):
    """Concept row, its descriptions + language members, relationships, concrete values, OWL axiom,
    and (when inactive) its inactivation indicator, historical associations and concept-non-current
    indicators on its still-active descriptions."""
    mod, rng = c.module, range_of(c.module)
    W["concept"][c.id] = [c.id, "", b(c.active), mod, DEFINED if (c.defined and c.active) else PRIMITIVE]
    for t in c.terms:
        did = MINT.get(rng, "11", ("desc", c.id, t.lang, t.type, t.key))
        table = "textdef" if t.type == DEF else "description"
        W[table][did] = [did, "", b(t.active), mod, c.id, t.lang, t.type, t.text, t.case_sig()]
        if t.active:
            for refset, acc in t.acc.items():
                add_language(W, refset, did, acc, mod)
            if not c.active:
                add_member(W, "attrvalue", (), mod, DESCRIPTION_INACTIVATION, did, CONCEPT_NON_CURRENT)
        else:
            add_member(W, "attrvalue", (), mod, DESCRIPTION_INACTIVATION, did, t.reason)
    if c.active:
        for parent in c.isa:
            rid = MINT.get(rng, "12", ("rel", c.id, ISA, parent, 0))
            W["relationship"][rid] = [rid, "", "1", mod, c.id, parent, "0", ISA, INFERRED, EXISTENTIAL]
        for g, typ, dest in c.attrs:
            rid = MINT.get(rng, "12", ("rel", c.id, typ, dest, g))
            W["relationship"][rid] = [rid, "", "1", mod, c.id, dest, str(g), typ, INFERRED, EXISTENTIAL]
        for g, typ, val in c.values:
            rid = MINT.get(rng, "12", ("cv", c.id, typ, val, g))
            W["concrete"][rid] = [rid, "", "1", mod, c.id, val, str(g), typ, INFERRED, EXISTENTIAL]
        if c.id != ROOT:
            add_member(W, "owl", ("axiom",), mod, OWL_AXIOM, c.id, owl_expression(c, lookup))
    else:
        add_member(W, "attrvalue", (), mod, CONCEPT_INACTIVATION, c.id, c.reason)
        for refset, target in c.assocs:
            add_member(W, "association", (target,), mod, refset, c.id, target)


def refset_kind(cid, lookup):
    for ancestor, kind in REFSET_KIND_BY_ANCESTOR:
        if is_under(cid, ancestor, lookup, include_self=True):
            return kind
    return None


def add_refset_descriptors(W, own_concepts, lookup):
    """A descriptor for every active refset concept (types included) defined in this package."""
    for c in own_concepts:
        if not c.active or not is_under(c.id, "900000000000455006", lookup):
            continue
        kind = refset_kind(c.id, lookup)
        if kind is None:      # e.g. 447250001 |Complex map type|: no file of that pattern here
            continue
        for order, (attr, typ) in enumerate(DESCRIPTOR_SPECS[kind]):
            add_member(W, "refsetdesc", (str(order),), c.module, REFSET_DESCRIPTOR, c.id, attr, typ, str(order))


def int_world(version):
    S = int_state(version)
    lookup = S.concepts
    W = new_world()
    for c in S.concepts.values():
        emit_concept(W, c, lookup)
    for src, dest, g, typ in S.stated:
        rid = MINT.get("INT", "12", ("stated", src, typ, dest, g))
        W["stated"][rid] = [rid, "", "1", lookup[src].module, src, dest, str(g), typ, STATED, EXISTENTIAL]
    for refset, comps in S.simple.items():
        for comp in comps:
            if lookup[comp].active:
                add_member(W, "simple", (), lookup[refset].module, refset, comp)
    for refset, comp, code in S.simple_map:
        if lookup[comp].active:
            add_member(W, "simplemap", (code,), CORE, refset, comp, code)
    for comp, code in S.extended_map:
        if lookup[comp].active:
            add_member(W, "extmap", ("1", "1"), ICD10_MODULE, ICD10_MAP, comp,
                       "1", "1", "TRUE", "ALWAYS %s" % code, code, CORRELATION_NOT_SPECIFIED, PROPERLY_CLASSIFIED)
    for refcomp, expr in OWL_ONTOLOGY_ROWS:
        add_member(W, "owl", (expr,), MODEL, OWL_ONTOLOGY, refcomp, expr)
    for typ, length in [(FSN, "255"), (SYN, "255"), (DEF, "4096")]:
        add_member(W, "desctype", (), MODEL, DESCRIPTION_FORMAT_REFSET, typ, PLAIN_TEXT, length)
    for src, tgt in [(CORE, MODEL), (ICD10_MODULE, CORE), (ICD10_MODULE, MODEL)]:
        add_member(W, "mdrs", (src,), src, MDRS, tgt, version, version)
    add_refset_descriptors(W, list(S.concepts.values()), lookup)
    return W


def no_world():
    base = int_state(V2)
    lookup = OrderedDict(base.concepts)
    own = [copy.deepcopy(c) for c in NO_CONCEPTS]
    for c in own:
        assert c.id not in lookup, c.id
        lookup[c.id] = c
    W = new_world()
    for c in own:
        emit_concept(W, c, lookup)
    which_refsets = {"nb": [NB], "nn": [NN], "both": [NB, NN]}
    for cid, nb, nn, synonyms in NO_TERMS:
        checked(cid)
        assert lookup[cid].active, cid
        accs = OrderedDict()
        accs.setdefault(nb, OrderedDict())[NB] = "P"
        accs.setdefault(nn, OrderedDict())[NN] = "P"
        for text, which in synonyms:
            for refset in which_refsets[which]:
                assert refset not in accs.get(text, {}), (cid, text)
                accs.setdefault(text, OrderedDict())[refset] = "A"
        for text, acc in accs.items():
            t = Term(text, SYN, acc, lang="no")
            did = MINT.get("NO", "11", ("desc", cid, "no", SYN, text))
            W["description"][did] = [did, "", "1", NO_MODULE, cid, "no", SYN, text, t.case_sig()]
            for refset, a in acc.items():
                add_language(W, refset, did, a, NO_MODULE)
    for cid, text, refsets in NO_TEXT_DEFINITIONS:
        did = MINT.get("NO", "11", ("desc", cid, "no", DEF, text))
        W["textdef"][did] = [did, "", "1", NO_MODULE, cid, "no", DEF, text, CS]
        for refset in refsets:
            add_language(W, refset, did, "P", NO_MODULE)
    for refset, comps in NO_SIMPLE_MEMBERS.items():
        for comp in comps:
            assert lookup[comp].active, comp
            add_member(W, "simple", (), NO_MODULE, refset, comp)
    for tgt, target_time in NO_DEPENDS_ON:
        add_member(W, "mdrs", (NO_MODULE,), NO_MODULE, MDRS, tgt, VNO, target_time)
    add_refset_descriptors(W, own, lookup)
    return W


# ======================================================================================================
# 8. Release engine: successive worlds -> append-only Full history
# ======================================================================================================

def build_history(worlds):
    """worlds: [(version, world)], oldest first. A row is appended when a component is new or any
    non-key field changed; a component missing from a later world is inactivated (copy with active=0)."""
    snapshot = {t: {} for t in TABLES}
    full = {t: [] for t in TABLES}
    for version, W in worlds:
        for t in TABLES:
            prev, cur = snapshot[t], W[t]
            for cid, row in cur.items():
                old = prev.get(cid)
                if old is None or old[2:] != row[2:]:
                    new = list(row)
                    new[1] = version
                    full[t].append(new)
                    prev[cid] = new
            for cid, old in list(prev.items()):
                if cid not in cur and old[2] == "1":
                    new = list(old)
                    new[1] = version
                    new[2] = "0"
                    full[t].append(new)
                    prev[cid] = new
    return full


def latest(rows):
    out = {}
    for r in rows:
        if r[0] not in out or out[r[0]][1] < r[1]:
            out[r[0]] = r
    return list(out.values())


def sort_key(table):
    if table in COMPONENT_TABLES:
        return lambda r: (int(r[0]), r[1])
    return lambda r: (r[4], r[5], r[0], r[1])


# ======================================================================================================
# 9. Writing packages
# ======================================================================================================

FILE_SPECS = [  # (table, folder, file name template)
    ("concept", "Terminology", "sct2_Concept_{rt}_{ns}_{d}.txt"),
    ("description", "Terminology", "sct2_Description_{rt}-{lang}_{ns}_{d}.txt"),
    ("textdef", "Terminology", "sct2_TextDefinition_{rt}-{lang}_{ns}_{d}.txt"),
    ("relationship", "Terminology", "sct2_Relationship_{rt}_{ns}_{d}.txt"),
    ("stated", "Terminology", "sct2_StatedRelationship_{rt}_{ns}_{d}.txt"),
    ("concrete", "Terminology", "sct2_RelationshipConcreteValues_{rt}_{ns}_{d}.txt"),
    ("owl", "Terminology", "sct2_sRefset_OWLExpression{rt}_{ns}_{d}.txt"),
    ("simple", "Refset/Content", "der2_Refset_Simple{rt}_{ns}_{d}.txt"),
    ("association", "Refset/Content", "der2_cRefset_Association{rt}_{ns}_{d}.txt"),
    ("attrvalue", "Refset/Content", "der2_cRefset_AttributeValue{rt}_{ns}_{d}.txt"),
    ("language", "Refset/Language", "der2_cRefset_Language{rt}-{lang}_{ns}_{d}.txt"),
    ("simplemap", "Refset/Map", "der2_sRefset_SimpleMap{rt}_{ns}_{d}.txt"),
    ("extmap", "Refset/Map", "der2_iisssccRefset_ExtendedMap{rt}_{ns}_{d}.txt"),
    ("refsetdesc", "Refset/Metadata", "der2_cciRefset_RefsetDescriptor{rt}_{ns}_{d}.txt"),
    ("desctype", "Refset/Metadata", "der2_ciRefset_DescriptionType{rt}_{ns}_{d}.txt"),
    ("mdrs", "Refset/Metadata", "der2_ssRefset_ModuleDependency{rt}_{ns}_{d}.txt"),
]

PACKAGES = OrderedDict([
    ("INT_20250101", dict(folder=PKG_INT_V1, date=V1, ns="INT", types=["Snapshot", "Full"],
                          tables=TABLES, langs={"description": ["en"], "textdef": ["en"], "language": ["en"]},
                          previous="SnomedCT_InternationalRF2_PRODUCTION_20240701T120000Z",
                          modules=[CORE, MODEL, ICD10_MODULE], language_refsets=[US, GB], depends=None)),
    ("INT_20250201", dict(folder=PKG_INT_V2, date=V2, ns="INT", types=["Snapshot", "Full", "Delta"],
                          tables=TABLES, langs={"description": ["en"], "textdef": ["en"], "language": ["en"]},
                          previous=PKG_INT_V1, modules=[CORE, MODEL, ICD10_MODULE], language_refsets=[US, GB],
                          depends=None)),
    ("NO_20250215", dict(folder=PKG_NO, date=VNO, ns="NO1000202", types=["Snapshot", "Full"],
                         tables=["concept", "description", "textdef", "relationship", "stated", "concrete", "owl",
                                 "simple", "language", "refsetdesc", "mdrs"],
                         langs={"description": ["en", "no"], "textdef": ["no"], "language": ["en", "no"]},
                         previous=None, modules=[NO_MODULE], language_refsets=[US, NB, NN],
                         depends=PKG_INT_V2)),
])


def rows_for_release_type(full_rows, release_type, date):
    rows = [r for r in full_rows if r[1] <= date]
    if release_type == "Snapshot":
        return latest(rows)
    if release_type == "Delta":
        return [r for r in rows if r[1] == date]
    return rows


def write_rf2(path, header, rows):
    lines = ["\t".join(header)] + ["\t".join(r) for r in rows]
    for line in lines:
        assert "\r" not in line and "\n" not in line, line
    data = ("\r\n".join(lines) + "\r\n").encode("utf-8")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def write_text(path, text, crlf):
    text = text.replace("\r\n", "\n")
    if crlf:
        text = text.replace("\n", "\r\n")
    with open(path, "wb") as f:
        f.write(text.encode("utf-8"))


def term_of(cid, lookup):
    return re.sub(r"\s*\([^()]*\)$", "", lookup[cid].fsn)


def write_package(base_dir, key, full):
    spec = PACKAGES[key]
    P = Problems()     # refuse to write a package with a malformed id, date or flag anywhere
    for table in spec["tables"]:
        check_rows_syntax(P, key, table, full[table])
    if P.items:
        raise SystemExit("refusing to write %s:\n  %s" % (key, "\n  ".join(P.items[:50])))
    pkg_dir = os.path.join(base_dir, spec["folder"])
    if os.path.exists(pkg_dir):
        shutil.rmtree(pkg_dir)
    os.makedirs(pkg_dir)
    lang_of = {}
    for t in ("description", "textdef"):
        for r in full[t]:
            lang_of[r[0]] = r[5]
    for rt in spec["types"]:
        for table, folder, template in FILE_SPECS:
            if table not in spec["tables"]:
                continue
            rows = sorted(rows_for_release_type(full[table], rt, spec["date"]), key=sort_key(table))
            for lang in spec["langs"].get(table, [None]):
                if lang is None:
                    chosen = rows
                elif table == "language":
                    chosen = [r for r in rows if lang_of[r[5]] == lang]
                else:
                    chosen = [r for r in rows if r[5] == lang]
                name = template.format(rt=rt, ns=spec["ns"], d=spec["date"], lang=lang)
                write_rf2(os.path.join(pkg_dir, rt, folder, name), HEADERS[table], chosen)
    # release_package_information.json and Readme
    lookup = OrderedDict((c.id, c) for c in INT_CONCEPTS + NO_CONCEPTS)
    info = OrderedDict()
    info["effectiveTime"] = spec["date"]
    info["previousPublishedPackage"] = (spec["previous"] + ".zip") if spec["previous"] else None
    info["licenceStatement"] = (
        "SYNTHETIC DEMO DATA made for the Steward test suite and demo. This is not SNOMED CT release content "
        "and must not be used clinically. Metadata concepts and some well-known concepts carry their real "
        "SNOMED CT identifiers for familiarity; all terms, descriptions, relationships, maps and history are "
        "invented. SNOMED CT itself is licensed by SNOMED International.")
    info["languageRefsets"] = [OrderedDict([("id", r), ("term", term_of(r, lookup))])
                               for r in spec["language_refsets"]]
    info["modules"] = [OrderedDict([("id", m), ("term", term_of(m, lookup))]) for m in spec["modules"]]
    info["releaseTypes"] = spec["types"]
    if spec["depends"]:
        info["namespace"] = NAMESPACE
        info["dependencyPackages"] = [spec["depends"] + ".zip"]
    write_text(os.path.join(pkg_dir, "release_package_information.json"),
               json.dumps(info, indent=2, ensure_ascii=False) + "\n", crlf=False)
    readme = README_TEMPLATE.format(
        folder=spec["folder"], date=spec["date"], types=", ".join(spec["types"]),
        scope=("International-style sample release (modules 900000000000207008 core, 900000000000012004 "
               "model component, 449080006 ICD-10 mapping)." if spec["ns"] == "INT" else
               "Norwegian extension sample (module 51000202101, namespace 1000202) on top of "
               + PKG_INT_V2 + "."),
        history={"INT_20250101": "Full holds the versions 20240701 and 20250101.",
                 "INT_20250201": "Full holds 20240701, 20250101 and 20250201; Delta holds exactly the 20250201 rows.",
                 "NO_20250215": "Every row is 20250215, so Full and Snapshot hold the same rows."}[key])
    write_text(os.path.join(pkg_dir, "Readme_en_%s.txt" % spec["date"]), readme, crlf=True)


README_TEMPLATE = """{folder}

SYNTHETIC DEMO DATA - NOT SNOMED CT RELEASE CONTENT.

{scope}
Release types: {types}. {history}

Written by Scripts/make-samples.py (Steward repository); rerun it instead of editing these files.
Facts the tests assert are listed in Releases/EXPECTED.md.

Metadata concepts and some well-known clinical concepts use their real SNOMED CT identifiers
so the samples look familiar. Every term is our own wording; every description, relationship, map row
and all history are invented. Identifiers that are not real are minted in namespace 1000202.
SNOMED CT is licensed by SNOMED International; real SNOMED CT content is not included here.
"""


# ======================================================================================================
# 10. Reading packages back from disk (everything below checks and describes the files as written)
# ======================================================================================================

NAME_RE = re.compile(r"^(?:sct2|der2)_(?P<content>[A-Za-z]+)_(?P<sub>[A-Za-z]*?)(?P<rt>Full|Snapshot|Delta)"
                     r"(?:-(?P<lang>[a-z]+))?_(?P<ns>INT|NO1000202)_(?P<date>\d{8})\.txt$")
TABLE_BY_NAME = {
    ("Concept", ""): "concept", ("Description", ""): "description", ("TextDefinition", ""): "textdef",
    ("Relationship", ""): "relationship", ("StatedRelationship", ""): "stated",
    ("RelationshipConcreteValues", ""): "concrete", ("sRefset", "OWLExpression"): "owl",
    ("Refset", "Simple"): "simple", ("cRefset", "Association"): "association",
    ("cRefset", "AttributeValue"): "attrvalue", ("cRefset", "Language"): "language",
    ("sRefset", "SimpleMap"): "simplemap", ("iisssccRefset", "ExtendedMap"): "extmap",
    ("cciRefset", "RefsetDescriptor"): "refsetdesc", ("ciRefset", "DescriptionType"): "desctype",
    ("ssRefset", "ModuleDependency"): "mdrs",
}


class Problems:
    def __init__(self):
        self.items = []

    def __call__(self, ok, message):
        if not ok:
            self.items.append(message)
        return ok


def read_rf2(path, problems):
    with open(path, "rb") as f:
        data = f.read()
    name = os.path.basename(path)
    problems(not data.startswith(b"\xef\xbb\xbf"), "%s: BOM" % name)
    problems(data.endswith(b"\r\n"), "%s: last line does not end with CRLF" % name)
    lines = data.split(b"\r\n")
    problems(lines[-1] == b"", "%s: trailing bytes after last CRLF" % name)
    lines = lines[:-1]
    rows = []
    for i, raw in enumerate(lines):
        problems(b"\n" not in raw and b"\r" not in raw, "%s:%d: bare CR or LF" % (name, i + 1))
        problems(raw != b"", "%s:%d: blank line" % (name, i + 1))
        text = raw.decode("utf-8")   # strict: raises on invalid UTF-8
        rows.append(text.split("\t"))
    return rows


def read_package(pkg_dir, problems):
    """-> {releaseType: {table: [rows]}}, [file records]"""
    out = defaultdict(lambda: defaultdict(list))
    files = []
    for dirpath, _, names in sorted(os.walk(pkg_dir)):
        for name in sorted(names):
            m = NAME_RE.match(name)
            if not m:
                continue
            table = TABLE_BY_NAME[(m.group("content"), m.group("sub"))]
            path = os.path.join(dirpath, name)
            rows = read_rf2(path, problems)
            header, body = rows[0], rows[1:]
            problems(header == HEADERS[table], "%s: header %r" % (name, header))
            for r in body:
                problems(len(r) == len(header), "%s: %d columns in %r" % (name, len(r), r))
                if m.group("lang") and table in ("description", "textdef"):
                    problems(r[5] == m.group("lang"), "%s: languageCode %s" % (name, r[5]))
            out[m.group("rt")][table].extend(body)
            files.append(dict(rel=os.path.relpath(path, pkg_dir).replace(os.sep, "/"), table=table,
                              rt=m.group("rt"), rows=len(body), active=sum(1 for r in body if r[2] == "1"),
                              date=m.group("date")))
    return out, files


class View:
    """Indexes over one Snapshot (or an edition = several Snapshots merged by latest effectiveTime)."""

    def __init__(self, snapshots):
        merged = {t: {} for t in TABLES}
        for snap in snapshots:
            for t in TABLES:
                for r in snap.get(t, []):
                    old = merged[t].get(r[0])
                    if old is None or old[1] < r[1]:
                        merged[t][r[0]] = r
        self.t = {t: list(merged[t].values()) for t in TABLES}
        self.concepts = merged["concept"]
        self.descriptions = dict(merged["description"])
        self.descriptions.update(merged["textdef"])
        self.active_concepts = {cid for cid, r in self.concepts.items() if r[2] == "1"}
        self.parents = defaultdict(set)
        self.children = defaultdict(set)
        for r in self.t["relationship"]:
            if r[2] == "1" and r[7] == ISA and r[8] == INFERRED and \
                    r[4] in self.active_concepts and r[5] in self.active_concepts:
                self.parents[r[4]].add(r[5])
                self.children[r[5]].add(r[4])
        self._anc = {}

    def ancestors(self, cid):
        if cid not in self._anc:
            self._anc[cid] = set()   # cycle guard (cycles are reported separately)
            acc = set()
            for p in self.parents.get(cid, ()):
                acc.add(p)
                acc |= self.ancestors(p)
            self._anc[cid] = acc
        return self._anc[cid]

    def members(self, table, active=True):
        return [r for r in self.t[table] if (r[2] == "1") == active]

    def terms(self, cid, refset, type_id, acceptability=PREF):
        out = []
        for r in self.members("language"):
            if r[4] == refset and r[6] == acceptability:
                d = self.descriptions.get(r[5])
                if d and d[4] == cid and d[6] == type_id and d[2] == "1":
                    out.append(d[7])
        return sorted(out)

    def preferred(self, cid, refset, type_id=SYN):
        hits = self.terms(cid, refset, type_id)
        return hits[0] if len(hits) == 1 else None

    def fsn(self, cid):
        hits = [d[7] for d in self.descriptions.values()
                if d[4] == cid and d[6] == FSN and d[2] == "1" and d[5] == "en"]
        return hits[0] if hits else None


# ======================================================================================================
# 11. Verification
# ======================================================================================================

CON, DSC, REL = {"00", "10"}, {"01", "11"}, {"02", "12"}
SCTID_COLUMNS = {
    "concept": {"id": CON, "moduleId": CON, "definitionStatusId": CON},
    "description": {"id": DSC, "moduleId": CON, "conceptId": CON, "typeId": CON, "caseSignificanceId": CON},
    "relationship": {"id": REL, "moduleId": CON, "sourceId": CON, "destinationId": CON, "typeId": CON,
                     "characteristicTypeId": CON, "modifierId": CON},
    "concrete": {"id": REL, "moduleId": CON, "sourceId": CON, "typeId": CON, "characteristicTypeId": CON,
                 "modifierId": CON},
    "refset": {"moduleId": CON, "refsetId": CON, "referencedComponentId": CON | DSC | REL},
    "language": {"referencedComponentId": DSC, "acceptabilityId": CON},
    "association": {"targetComponentId": CON},
    "attrvalue": {"valueId": CON},
    "extmap": {"referencedComponentId": CON, "correlationId": CON, "mapCategoryId": CON},
    "simple": {"referencedComponentId": CON}, "simplemap": {"referencedComponentId": CON},
    "owl": {"referencedComponentId": CON},
    "refsetdesc": {"referencedComponentId": CON, "attributeDescription": CON, "attributeType": CON},
    "desctype": {"referencedComponentId": CON, "descriptionFormat": CON},
    "mdrs": {"referencedComponentId": CON},
}
SCTID_COLUMNS["textdef"] = SCTID_COLUMNS["description"]
SCTID_COLUMNS["stated"] = SCTID_COLUMNS["relationship"]
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
IMMUTABLE = {"description": [4, 5, 6], "textdef": [4, 5, 6], "relationship": [4, 5, 7], "stated": [4, 5, 7],
             "concrete": [4, 5, 7], "association": [4, 5, 6]}
INT_MODULES = {CORE, MODEL, ICD10_MODULE}


def column_partitions(table):
    cols = dict(SCTID_COLUMNS["refset"]) if table not in COMPONENT_TABLES else {}
    cols.update(SCTID_COLUMNS[table])
    return cols


def valid_date(s):
    if not re.fullmatch(r"\d{8}", s):
        return False
    y, m, d = int(s[:4]), int(s[4:6]), int(s[6:])
    return 1 <= m <= 12 and 1 <= d <= 31 and 2000 <= y <= 2100


def check_rows_syntax(P, label, table, rows):
    header = HEADERS[table]
    cols = column_partitions(table)
    for r in rows:
        rec = dict(zip(header, r))
        P(len(r) == len(header), "%s %s %s: %d columns" % (label, table, r[0], len(r)))
        P(not any(ch in field for field in r for ch in "\t\r\n"), "%s %s %s: TAB/CR/LF in a field" % (label, table, r[0]))
        if table not in COMPONENT_TABLES:
            P(bool(UUID_RE.match(r[0])), "%s %s: bad UUID %s" % (label, table, r[0]))
        P(valid_date(r[1]), "%s %s %s: bad effectiveTime %r" % (label, table, r[0], r[1]))
        P(r[2] in ("0", "1"), "%s %s %s: bad active %r" % (label, table, r[0], r[2]))
        for col, parts in cols.items():
            P(sctid_ok(rec[col], parts), "%s %s %s: %s=%s not a valid SCTID with partition %s"
              % (label, table, r[0], col, rec[col], sorted(parts)))
        for col in ("relationshipGroup", "mapGroup", "mapPriority", "attributeOrder", "descriptionLength"):
            if col in rec:
                P(re.fullmatch(r"\d+", rec[col]) is not None, "%s %s %s: %s not an integer" % (label, table, r[0], col))
        for col in ("sourceEffectiveTime", "targetEffectiveTime"):
            if col in rec:
                P(valid_date(rec[col]), "%s mdrs %s: bad %s" % (label, r[0], col))
        if table in ("description", "textdef"):
            term = r[7]
            P(term == term.strip() and "  " not in term and term != "", "%s: term spacing %r" % (label, term))
            P(len(term) <= (4096 if table == "textdef" else 255), "%s: term too long %r" % (label, term))
            if r[6] == FSN:
                P(semantic_tag(term) is not None and " (" in term, "%s: FSN without semantic tag %r" % (label, term))


def verify_full(P, label, full, date):
    """Append-only history rules on one package's Full files."""
    for t, rows in full.items():
        by_id = defaultdict(list)
        for r in rows:
            by_id[r[0]].append(r)
            P(r[1] <= date, "%s %s %s: effectiveTime %s after release date" % (label, t, r[0], r[1]))
        for cid, versions in by_id.items():
            versions.sort(key=lambda r: r[1])
            ets = [v[1] for v in versions]
            P(len(ets) == len(set(ets)), "%s %s %s: duplicate (id, effectiveTime)" % (label, t, cid))
            P(versions[0][2] == "1", "%s %s %s: born inactive" % (label, t, cid))
            for a, b_ in zip(versions, versions[1:]):
                P(a[2:] != b_[2:], "%s %s %s: no-op version %s" % (label, t, cid, b_[1]))
                P(not (a[2] == "0" and b_[2] == "0"), "%s %s %s: inactive after inactive" % (label, t, cid))
                cols = IMMUTABLE.get(t, [4, 5] if t not in COMPONENT_TABLES else [])
                P(all(a[i] == b_[i] for i in cols), "%s %s %s: immutable field changed" % (label, t, cid))


def verify_view(P, label, V, own_modules, date, require_en_for_modules):
    """Snapshot-level content rules (RF2.md section 5) on one view."""
    # unique ids within and across files
    for t in TABLES:
        ids = [r[0] for r in V.t[t]]
        P(len(ids) == len(set(ids)), "%s: duplicate ids in %s" % (label, t))
    P(not (set(r[0] for r in V.t["description"]) & set(r[0] for r in V.t["textdef"])),
      "%s: description / text definition id collision" % label)
    rel_sets = [set(r[0] for r in V.t[t]) for t in ("relationship", "stated", "concrete")]
    P(not (rel_sets[0] & rel_sets[1] or rel_sets[0] & rel_sets[2] or rel_sets[1] & rel_sets[2]),
      "%s: relationship id collision across relationship files" % label)
    concepts, active = V.concepts, V.active_concepts

    # referential integrity
    for t in TABLES:
        header = HEADERS[t]
        for r in V.t[t]:
            rec = dict(zip(header, r))
            for col, parts in column_partitions(t).items():
                if col == "id":
                    continue
                value = rec[col]
                if parts == DSC or (col == "referencedComponentId" and partition_of(value) in DSC):
                    d = V.descriptions.get(value)
                    if not P(d is not None, "%s %s %s: %s %s is not a description" % (label, t, r[0], col, value)):
                        continue
                    continue
                if partition_of(value) in REL:
                    P(False, "%s %s %s: unexpected relationship reference %s" % (label, t, r[0], value))
                    continue
                if not P(value in concepts, "%s %s %s: %s %s is not a concept" % (label, t, r[0], col, value)):
                    continue
                if r[2] == "1":
                    exempt = (t == "description" and col == "conceptId") or \
                             (t in ("textdef",) and col == "conceptId") or \
                             (t == "attrvalue" and col == "referencedComponentId") or \
                             (t == "association" and col == "referencedComponentId")
                    if not exempt:
                        P(value in active, "%s %s %s: active row refers to inactive concept %s (%s)"
                          % (label, t, r[0], value, col))

    # language refsets
    keyset = defaultdict(int)
    active_members = defaultdict(list)   # description id -> [(refset, acceptability)]
    for r in V.t["language"]:
        keyset[(r[4], r[5])] += 1
        if r[2] == "1":
            d = V.descriptions.get(r[5])
            P(d is not None and d[2] == "1", "%s language %s: active member of inactive description %s"
              % (label, r[0], r[5]))
            P(r[6] in (PREF, ACCEPT), "%s language %s: bad acceptability" % (label, r[0]))
            active_members[r[5]].append((r[4], r[6]))
    P(all(n == 1 for n in keyset.values()), "%s: a description has more than one member in one language refset" % label)
    for did, d in V.descriptions.items():
        if d[2] == "1":
            P(did in active_members, "%s: active description %s (%r) has no language member" % (label, did, d[7]))
    per_concept = defaultdict(lambda: defaultdict(list))   # cid -> refset -> [(type, acceptability, did)]
    for did, mems in active_members.items():
        d = V.descriptions[did]
        for refset, acc in mems:
            per_concept[d[4]][refset].append((d[6], acc, did))
    for cid in sorted(active):
        module = concepts[cid][3]
        required = [US, GB] if module in INT_MODULES else [US]
        if module not in require_en_for_modules:
            required = []
        fsns = [d for d in V.descriptions.values() if d[4] == cid and d[6] == FSN and d[2] == "1"]
        P(len(fsns) == 1, "%s %s: %d active FSNs" % (label, cid, len(fsns)))
        for refset in set(required) | set(per_concept[cid]):
            entries = per_concept[cid][refset]
            pf = [e for e in entries if e[0] == FSN and e[1] == PREF]
            ps = [e for e in entries if e[0] == SYN and e[1] == PREF]
            pd = [e for e in entries if e[0] == DEF]
            af = [e for e in entries if e[0] == FSN]
            if refset in (US, GB):
                P(len(pf) == 1 and len(af) == 1, "%s %s: refset %s has %d preferred FSNs" % (label, cid, refset, len(pf)))
            else:
                P(len(af) == 0, "%s %s: refset %s has an FSN member" % (label, cid, refset))
            P(len(ps) == 1, "%s %s: refset %s has %d preferred synonyms" % (label, cid, refset, len(ps)))
            P(len(pd) <= 1 and all(e[1] == PREF for e in pd), "%s %s: text definition rules in %s" % (label, cid, refset))
    for d in V.descriptions.values():
        if d[6] == DEF and d[2] == "1":
            P(d[8] == CS, "%s: text definition %s not case sensitive" % (label, d[0]))
    # FSN unique among active concepts
    fsn_owner = defaultdict(set)
    for d in V.descriptions.values():
        if d[6] == FSN and d[2] == "1" and d[4] in active:
            fsn_owner[d[7].lower()].add(d[4])
    P(all(len(v) == 1 for v in fsn_owner.values()), "%s: FSN used by two active concepts" % label)

    # hierarchy, relationships, groups
    for t in ("relationship", "concrete"):
        for r in V.members(t):
            P(r[4] in active, "%s: active relationship %s of inactive concept %s" % (label, r[0], r[4]))
            P(r[9] == EXISTENTIAL, "%s: relationship %s modifier" % (label, r[0]))
            P(r[8] == INFERRED, "%s: relationship %s characteristic type" % (label, r[0]))
            P(int(r[6]) < 100, "%s: relationship %s group >= 100" % (label, r[0]))
            if r[7] == ISA:
                P(r[6] == "0" and t == "relationship", "%s: IS-A %s not in group 0" % (label, r[0]))
            if t == "relationship":
                P(r[5] in active, "%s: active relationship %s to inactive %s" % (label, r[0], r[5]))
    for r in V.t["stated"]:
        P(r[2] == "0", "%s: active stated relationship %s" % (label, r[0]))
        P(r[8] == STATED, "%s: stated relationship %s characteristic type" % (label, r[0]))
    groups = defaultdict(int)
    triples = defaultdict(int)
    for r in V.t["relationship"] + V.t["concrete"]:
        if r[2] == "1":
            if r[6] != "0":
                groups[(r[4], r[6])] += 1
            triples[(r[4], r[7], r[5], r[6])] += 1
    P(all(n >= 2 for n in groups.values()), "%s: a role group with a single member: %s"
      % (label, [k for k, n in groups.items() if n < 2]))
    P(all(n == 1 for n in triples.values()), "%s: duplicate relationship" % label)
    for cid in active:
        if cid != ROOT:
            P(bool(V.parents.get(cid)), "%s %s: active concept without active IS-A" % (label, cid))
    P(not V.parents.get(ROOT), "%s: root has parents" % label)
    P(not [r for r in V.t["relationship"] if r[2] == "1" and r[4] == ROOT], "%s: root has relationships" % label)
    # cycles: iterative three-colour DFS
    colour = {}
    for start in sorted(active):
        if start in colour:
            continue
        stack = [(start, iter(sorted(V.parents.get(start, ()))))]
        colour[start] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                colour[node] = 2
                stack.pop()
            elif colour.get(nxt) == 1:
                P(False, "%s: IS-A cycle through %s -> %s" % (label, node, nxt))
            elif nxt not in colour:
                colour[nxt] = 1
                stack.append((nxt, iter(sorted(V.parents.get(nxt, ())))))
    for cid in active:
        if cid != ROOT:
            P(ROOT in V.ancestors(cid), "%s %s: does not reach the root" % (label, cid))

    # inactivation
    indicators = defaultdict(list)
    for r in V.members("attrvalue"):
        indicators[(r[4], r[5])].append(r[6])
    for cid, row in concepts.items():
        ci = indicators.get((CONCEPT_INACTIVATION, cid), [])
        if row[2] == "1":
            P(not ci, "%s %s: active concept with inactivation indicator" % (label, cid))
            continue
        P(row[4] == PRIMITIVE, "%s %s: inactive concept not primitive" % (label, cid))
        P(len(ci) == 1, "%s %s: inactive concept needs exactly one indicator, has %d" % (label, cid, len(ci)))
        P(not V.children.get(cid), "%s %s: inactive concept has children" % (label, cid))
        for d in V.descriptions.values():
            if d[4] == cid and d[2] == "1":
                P(indicators.get((DESCRIPTION_INACTIVATION, d[0])) == [CONCEPT_NON_CURRENT],
                  "%s %s: active description %s lacks concept-non-current" % (label, cid, d[0]))
        for r in V.t["owl"]:
            if r[4] == OWL_AXIOM and r[5] == cid:
                P(r[2] == "0", "%s %s: inactive concept with active axiom" % (label, cid))
    for (refset, comp), values in indicators.items():
        if refset == DESCRIPTION_INACTIVATION:
            d = V.descriptions[comp]
            P(len(values) == 1, "%s: description %s has %d indicators" % (label, comp, len(values)))
            if values == [CONCEPT_NON_CURRENT]:
                P(d[2] == "1" and d[4] not in active, "%s: misplaced concept-non-current on %s" % (label, comp))
            else:
                P(d[2] == "0", "%s: active description %s with inactivation reason" % (label, comp))

    # historical associations
    historical = {cid for cid in concepts if cid in V.parents and "900000000000522004" in V.ancestors(cid)}
    for r in V.members("association"):
        if r[4] in historical:
            P(r[5] not in active, "%s association %s: source %s is active" % (label, r[0], r[5]))
            P(r[6] in active and r[6] != r[5], "%s association %s: target %s not active" % (label, r[0], r[6]))

    # axioms
    axioms = defaultdict(list)
    for r in V.members("owl"):
        if r[4] == OWL_AXIOM:
            axioms[r[5]].append(r)
    for cid in active:
        if cid == ROOT:
            continue
        ax = axioms.get(cid, [])
        if not P(len(ax) == 1, "%s %s: %d active axioms" % (label, cid, len(ax))):
            continue
        expr, row = ax[0][6], concepts[cid]
        P(ax[0][3] == row[3], "%s %s: axiom not in the concept's module" % (label, cid))
        P(expr.startswith(("SubClassOf(:%s " % cid, "EquivalentClasses(:%s " % cid,
                           "SubObjectPropertyOf(:%s " % cid, "SubDataPropertyOf(:%s " % cid)),
          "%s %s: axiom does not define the concept: %s" % (label, cid, expr))
        P(expr.startswith("EquivalentClasses") == (row[4] == DEFINED),
          "%s %s: definition status does not match axiom" % (label, cid))
        for ref in re.findall(r":(\d+)", expr):
            P(ref in active, "%s %s: axiom mentions %s (not an active concept)" % (label, cid, ref))
        for p in V.parents.get(cid, ()):
            P(":%s" % p in expr, "%s %s: IS-A parent %s missing from axiom" % (label, cid, p))

    # MDRS
    for r in V.members("mdrs"):
        P(r[1] == r[6], "%s mdrs %s: effectiveTime != sourceEffectiveTime" % (label, r[0]))
        P(r[6] >= r[7], "%s mdrs %s: source before target" % (label, r[0]))
    for m in own_modules:
        if m == MODEL:
            continue
        P(any(r[3] == m and r[6] == date for r in V.members("mdrs")),
          "%s: no MDRS row for module %s at %s" % (label, m, date))

    # refset descriptors and content members
    described = defaultdict(list)
    for r in V.members("refsetdesc"):
        described[r[5]].append(int(r[8]))
    for t in TABLES:
        if t in COMPONENT_TABLES:
            continue
        refsets = {r[4] for r in V.members(t)}
        for rs in refsets:
            orders = sorted(described.get(rs, []))
            P(orders == list(range(len(HEADERS[t]) - 5)),
              "%s: refset %s (%s) descriptor orders %s" % (label, rs, t, orders))
    for t, extra in (("simple", 0), ("simplemap", 1), ("association", 1), ("extmap", 2)):
        keys = defaultdict(int)
        for r in V.members(t):
            keys[tuple(r[4:6 + extra])] += 1
            if t != "association":
                P(r[5] in active, "%s %s %s: member %s is not an active concept" % (label, t, r[0], r[5]))
        P(all(n == 1 for n in keys.values()), "%s: duplicate active members in %s" % (label, t))


def verify_all(base_dir):
    P = Problems()
    # the Verhoeff implementation itself
    P(verhoeff_check_digit("13887500") == 5 and verhoeff_check_digit("11668000") == 3 and
      verhoeff_check_digit("90000000000003500") == 1, "Verhoeff self-test failed")
    P(not sctid_ok("138875006") and sctid_ok("138875005") and sctid_ok("51000202101", CON),
      "sctid_ok self-test failed")
    packages, files = {}, {}
    for key, spec in PACKAGES.items():
        packages[key], files[key] = read_package(os.path.join(base_dir, spec["folder"]), P)
        for rt, tables in packages[key].items():
            for t, rows in tables.items():
                check_rows_syntax(P, "%s/%s" % (key, rt), t, rows)
        full = packages[key]["Full"]
        verify_full(P, key, full, spec["date"])
        for t in spec["tables"]:
            P(sorted(packages[key]["Snapshot"][t]) == sorted(latest(full[t])),
              "%s: Snapshot %s is not the latest row per id of Full" % (key, t))
            if "Delta" in spec["types"]:
                P(sorted(packages[key]["Delta"][t]) == sorted(r for r in full[t] if r[1] == spec["date"]),
                  "%s: Delta %s is not the Full rows of %s" % (key, t, spec["date"]))
        # every (module, effectiveTime) in Full is covered by a module dependency row (model module excepted)
        mdrs_pairs = {(r[3], r[6]) for r in full["mdrs"]}
        for t in spec["tables"]:
            for r in full[t]:
                if r[3] != MODEL:
                    P((r[3], r[1]) in mdrs_pairs, "%s %s %s: (%s, %s) not covered by MDRS" % (key, t, r[0], r[3], r[1]))
    # Full(20250201) = Full(20250101) + Delta(20250201); Snapshot(20250101) + Delta = Snapshot(20250201)
    a, b_ = packages["INT_20250101"], packages["INT_20250201"]
    for t in TABLES:
        fa, fb, delta = a["Full"][t], b_["Full"][t], b_["Delta"][t]
        P(sorted(fb) == sorted(fa + delta), "INT: Full 20250201 != Full 20250101 + Delta for %s" % t)
        applied = {r[0]: r for r in a["Snapshot"][t]}
        for r in delta:
            applied[r[0]] = r
        P(sorted(applied.values()) == sorted(b_["Snapshot"][t]),
          "INT: Snapshot 20250101 + Delta != Snapshot 20250201 for %s" % t)
    views = build_views(packages)
    for label, (V, own, date, require) in views.items():
        verify_view(P, label, V, own, date, require)
    # a term with a literal double quote exists, and is written unquoted
    P(any('"' in r[7] for r in packages["INT_20250201"]["Snapshot"]["description"]), "no term with a quote")
    return P, packages, files, views


def build_views(packages):
    int1 = packages["INT_20250101"]["Snapshot"]
    int2 = packages["INT_20250201"]["Snapshot"]
    no = packages["NO_20250215"]["Snapshot"]
    return OrderedDict([
        ("INT 20250101", (View([int1]), INT_MODULES, V1, INT_MODULES)),
        ("INT 20250201", (View([int2]), INT_MODULES, V2, INT_MODULES)),
        ("NO edition 20250215 (INT 20250201 + NO)", (View([int2, no]), {NO_MODULE}, VNO,
                                                     INT_MODULES | {NO_MODULE})),
    ])


# ======================================================================================================
# 12. EXPECTED.md: facts computed from the files as written
# ======================================================================================================

NAMED_CONCEPTS = ["22298006", "56265001", "233604007", "49436004", "239873007", "195967001", "404684003"]
PT_CONCEPTS = ["22298006", "16761005", "80146002", "387517004", "13645005", "38341003", "56265001", "73211009",
               "239873007", NO_COLD_ASTHMA]


def depth(V, cid, memo):
    if cid not in memo:
        ps = V.parents.get(cid, ())
        memo[cid] = 0 if not ps else 1 + max(depth(V, p, memo) for p in ps)
    return memo[cid]


def idlist(ids):
    return ", ".join(sorted(ids, key=int)) if ids else "(none)"


def short(V, cid):
    f = V.fsn(cid)
    return "%s |%s|" % (cid, f if f else "?")


def describe_change(V, t, r, old):
    h = HEADERS[t]
    if t == "concept":
        what = short(V, r[0])
    elif t in ("description", "textdef"):
        what = "%s of %s: \"%s\"" % ({FSN: "FSN", SYN: "synonym", DEF: "definition"}[r[6]], r[4], r[7])
    elif t in ("relationship", "stated"):
        what = "%s %s %s (group %s)" % (r[4], V.fsn(r[7]).split(" (")[0], r[5], r[6])
    elif t == "concrete":
        what = "%s %s %s (group %s)" % (r[4], V.fsn(r[7]).split(" (")[0], r[5], r[6])
    elif t == "owl":
        what = "axiom of %s: `%s`" % (r[5], r[6])
    elif t == "language":
        d = V.descriptions[r[5]]
        what = "%s: %s \"%s\" %s" % ({US: "en-US", GB: "en-GB"}.get(r[4], r[4]), r[5], d[7],
                                     "preferred" if r[6] == PREF else "acceptable")
    elif t == "attrvalue":
        what = "%s: %s = %s" % (V.fsn(r[4]).split(" (")[0], r[5], short(V, r[6]))
    elif t == "association":
        what = "%s: %s -> %s" % (V.fsn(r[4]).split(" (")[0], r[5], short(V, r[6]))
    elif t in ("simple",):
        what = "%s: %s" % (r[4], short(V, r[5]))
    elif t in ("simplemap", "extmap"):
        what = "%s: %s -> %s" % (r[4], r[5], r[6] if t == "simplemap" else r[10])
    elif t == "mdrs":
        what = "%s -> %s (source %s, target %s)" % (r[3], r[5], r[6], r[7])
    elif t == "refsetdesc":
        what = "%s attribute %s" % (r[5], r[8])
    else:
        what = ""
    if old is None:
        kind = "NEW"
        fields = ""
    else:
        kind = {("1", "0"): "INACTIVATED", ("0", "1"): "REACTIVATED"}.get((old[2], r[2]), "CHANGED")
        fields = "; ".join("%s %s -> %s" % (h[i], old[i], r[i]) for i in range(3, len(h)) if old[i] != r[i])
    return kind, what, fields


def expected_md(packages, files, views):
    L = []
    w = L.append
    w("# EXPECTED: facts about the sample RF2 packages")
    w("")
    w("Generated by `Scripts/make-samples.py` from the files it wrote (do not edit by hand; rerun the script).")
    w("All data is synthetic demo data (see each package's Readme). Row counts exclude the header row.")
    w("\"Active\" = rows with `active` = 1. Ids are SCTIDs unless a column is a refset member UUID.")
    w("")
    w("## Packages")
    w("")
    w("| key | folder | effectiveTime | release types | depends on |")
    w("|---|---|---|---|---|")
    for key, spec in PACKAGES.items():
        w("| %s | `Releases/%s/` | %s | %s | %s |" % (key, spec["folder"], spec["date"], ", ".join(spec["types"]),
                                                    spec["depends"] or "-"))
    w("")
    w("Every RF2 file: UTF-8 without BOM, TAB-separated, CRLF after every line including the last, header row as")
    w("in RF2.md section 2, no quoting. INT 20250101 Full holds versions 20240701 and 20250101; INT 20250201 Full")
    w("holds 20240701, 20250101 and 20250201 and equals INT 20250101 Full + INT 20250201 Delta. NO Full = NO Snapshot")
    w("(all rows 20250215).")
    w("")
    w("## Row counts per file")
    for key in PACKAGES:
        w("")
        w("### %s" % key)
        w("")
        w("| file | rows | active |")
        w("|---|---:|---:|")
        for f in sorted(files[key], key=lambda f: (["Snapshot", "Full", "Delta"].index(f["rt"]), f["rel"])):
            w("| `%s` | %d | %d |" % (f["rel"], f["rows"], f["active"]))
    w("")
    w("## Concepts")
    w("")
    w("| package / view | concept rows | active concepts | active descriptions (all languages) | "
      "active inferred IS-A | IS-A closure pairs | max depth |")
    w("|---|---:|---:|---:|---:|---:|---:|")
    for key in PACKAGES:
        snap = packages[key]["Snapshot"]
        V = View([snap])
        w("| %s Snapshot (package alone) | %d | %d | %d | %d | - | - |" % (
            key, len(snap["concept"]), len(V.active_concepts),
            sum(1 for d in V.descriptions.values() if d[2] == "1" and d[6] != DEF),
            sum(1 for r in snap["relationship"] if r[2] == "1" and r[7] == ISA)))
    for label, (V, _, _, _) in views.items():
        memo = {}
        closure = sum(len(V.ancestors(c)) for c in V.active_concepts)
        w("| %s | %d | %d | %d | %d | **%d** | %d |" % (
            label, len(V.concepts), len(V.active_concepts),
            sum(1 for d in V.descriptions.values() if d[2] == "1" and d[6] != DEF),
            sum(len(p) for p in V.parents.values()), closure,
            max(depth(V, c, memo) for c in V.active_concepts)))
    w("")
    w("IS-A closure pairs = number of (descendant, ancestor) pairs, self-pairs excluded, over active inferred IS-A")
    w("relationships (characteristicTypeId 900000000000011006) whose source and destination are active concepts.")
    w("Depth = longest IS-A path to 138875005 (root depth 0). Descriptions exclude text definitions.")
    w("")
    w("## Named concepts: parents, children, ancestors")
    for cid in NAMED_CONCEPTS:
        V_last = list(views.values())[-1][0]
        w("")
        w("### %s" % short(V_last, cid))
        w("")
        for label, (V, _, _, _) in views.items():
            anc = V.ancestors(cid)
            w("- **%s**" % label)
            w("  - parents: %s" % idlist(V.parents.get(cid, ())))
            w("  - children: %s" % idlist(V.children.get(cid, ())))
            w("  - ancestors (%d): %s" % (len(anc), idlist(anc)))
    w("")
    w("## Minted (synthetic) concept ids")
    w("")
    w("Real SNOMED CT ids are used for metadata and well-known concepts; these concepts are invented (namespace")
    w("1000202). All description and relationship ids are minted too (INT: items from 1000001, NO: from 2000001).")
    w("")
    w("| id | FSN | package | first version |")
    w("|---|---|---|---|")
    for c in INT_CONCEPTS + NO_CONCEPTS:
        if len(c.id) > 10 and c.id[-10:-3] == NAMESPACE and c.id not in (NO_MODULE, NB, NN):
            w("| %s | %s | %s | %s |" % (c.id, c.terms[0].text, "NO" if c.module == NO_MODULE else "INT", c.since))
    w("")
    w("## History inside INT 20250101 Full (ids with more than one version)")
    w("")
    w("| file | id | versions (effectiveTime:active) | what |")
    w("|---|---|---|---|")
    V1view = list(views.values())[0][0]
    full1 = packages["INT_20250101"]["Full"]
    for t in TABLES:
        by_id = defaultdict(list)
        for r in full1[t]:
            by_id[r[0]].append(r)
        for cid in sorted(by_id, key=lambda k: sort_key(t)(by_id[k][0])):
            rows = sorted(by_id[cid], key=lambda r: r[1])
            if len(rows) > 1:
                _, what, _ = describe_change(V1view, t, rows[-1], None)
                w("| %s | %s | %s | %s |" % (t, cid, ", ".join("%s:%s" % (r[1], r[2]) for r in rows),
                                             what.replace("|", "\\|")))
    w("")
    w("## Inactive concepts")
    w("")
    w("| view | concept | reason (900000000000489007) | historical associations |")
    w("|---|---|---|---|")
    for label, (V, _, _, _) in views.items():
        reasons = {r[5]: r[6] for r in V.members("attrvalue") if r[4] == CONCEPT_INACTIVATION}
        for cid in sorted((c for c in V.concepts if c not in V.active_concepts), key=int):
            assocs = ["%s -> %s" % (V.fsn(r[4]).split(" association")[0], r[6])
                      for r in sorted(V.members("association"), key=lambda r: (r[4], r[6])) if r[5] == cid]
            w("| %s | %s | %s | %s |" % (label, short(V, cid).replace("|", "\\|"),
                                         short(V, reasons[cid]).replace("|", "\\|"), "; ".join(assocs) or "(none)"))
    w("")
    w("## Preferred terms (NO edition view = INT 20250201 + NO 20250215)")
    w("")
    V = list(views.values())[-1][0]
    w("| concept | FSN | en-US PT | en-GB PT | nb PT (61000202103) | nn PT (91000202106) |")
    w("|---|---|---|---|---|---|")
    for cid in PT_CONCEPTS:
        w("| %s | %s | %s | %s | %s | %s |" % (cid, V.fsn(cid), V.preferred(cid, US) or "(none)",
                                             V.preferred(cid, GB) or "(none)", V.preferred(cid, NB) or "(none)",
                                             V.preferred(cid, NN) or "(none)"))
    V1v = list(views.values())[0][0]
    w("")
    w("In INT 20250101 the en-US PT of 13645005 is \"%s\" (en-GB \"%s\"); the FSN of 38341003 is \"%s\"." % (
        V1v.preferred("13645005", US), V1v.preferred("13645005", GB), V1v.fsn("38341003")))
    nbp = sum(1 for c in V.active_concepts if V.preferred(c, NB))
    nnp = sum(1 for c in V.active_concepts if V.preferred(c, NN))
    w("In the NO edition view %d active concepts have a Bokmål PT and %d a Nynorsk PT." % (nbp, nnp))
    w("")
    w("## Changes 20250101 -> 20250201")
    w("")
    w("What was edited (from the script's change list):")
    w("")
    for version, fn in HISTORY:
        if version == V2:
            w("- %s" % " ".join(fn.__doc__.split()))
    w("- New concepts: %s (each with FSN, synonyms, en-US + en-GB members, inferred IS-A, OWL axiom)." %
      ", ".join(short(V, c.id) for c in INT_CONCEPTS if c.since == V2))
    w("- New ICD-10 map rows for 840539006 and 401303003; map rows of inactivated concepts are inactivated.")
    w("- Module dependency rows (900000000000207008 -> 900000000000012004, 449080006 -> 900000000000207008,")
    w("  449080006 -> 900000000000012004) get source/target effective time 20250201.")
    w("")
    a = packages["INT_20250101"]["Snapshot"]
    b_ = packages["INT_20250201"]["Snapshot"]
    Vb = View([b_])
    total = 0
    summary = defaultdict(lambda: defaultdict(int))
    detail = []
    for t in TABLES:
        old = {r[0]: r for r in a[t]}
        for r in sorted(b_[t], key=sort_key(t)):
            o = old.get(r[0])
            if o == r:
                continue
            kind, what, fields = describe_change(Vb, t, r, o)
            summary[t][kind] += 1
            detail.append((t, r[0], kind, what, fields))
            total += 1
    w("Every component / member whose Snapshot row differs (= the %d rows of the 20250201 Delta):" % total)
    w("")
    w("| file | NEW | INACTIVATED | CHANGED | total |")
    w("|---|---:|---:|---:|---:|")
    for t in TABLES:
        if summary[t]:
            s = summary[t]
            w("| %s | %d | %d | %d | %d |" % (t, s["NEW"], s["INACTIVATED"], s["CHANGED"], sum(s.values())))
    w("")
    w("| file | id | change | what | changed fields |")
    w("|---|---|---|---|---|")
    for t, cid, kind, what, fields in detail:
        w("| %s | %s | %s | %s | %s |" % (t, cid, kind, what.replace("|", "\\|"), fields.replace("|", "\\|")))
    w("")
    w("## Norwegian extension contents")
    w("")
    Vno = list(views.values())[-1][0]
    w("- Module %s; MDRS 51000202101 -> 900000000000207008 and -> 900000000000012004, both target 20250201." %
      short(Vno, NO_MODULE))
    w("- Language refsets %s and %s (members reference `no` descriptions; Norwegian"
      " refsets carry no FSN members)." % (short(Vno, NB), short(Vno, NN)))
    w("- Norway-only concepts: %s." % ", ".join(short(Vno, c) for c in (NO_GP_REFERRAL, NO_KNEE_OA_SPORTS,
                                                                        NO_COLD_ASTHMA)))
    for refset, comps in NO_SIMPLE_MEMBERS.items():
        w("- Simple refset %s: %d members: %s." % (short(Vno, refset), len(comps), idlist(comps)))
    w("")
    w("## Validation rules the files satisfy (checked by the script)")
    w("")
    for line in RULES_CHECKED:
        w("- " + line)
    w("")
    return "\n".join(L)


RULES_CHECKED = [
    "Every SCTID passes Verhoeff; partitions per column: concept ids 00/10, description ids 01/11, relationship "
    "ids 02/12, every other SCTID column 00/10 (language referencedComponentId 01/11).",
    "Ids unique per Snapshot file; description and text definition ids disjoint; inferred, stated and concrete "
    "relationship ids disjoint; (id, effectiveTime) unique in Full.",
    "Snapshot = latest row per id of Full; Delta = Full rows of the release date; Full(20250201) = "
    "Full(20250101) + Delta; Snapshot(20250101) + Delta = Snapshot(20250201).",
    "No born-inactive component, no no-op version, no inactive-after-inactive, immutable fields unchanged.",
    "Referential integrity: every concept-valued column names a concept of the view; active rows refer to active "
    "concepts (except description conceptId and indicator / association referenced components).",
    "Every active concept has exactly one active FSN; INT concepts have exactly one preferred FSN and one "
    "preferred synonym in en-US and en-GB; NO concepts in en-US; nb / nn: exactly one preferred synonym and no "
    "FSN wherever a concept has members. Language members mirror description activity.",
    "No IS-A cycles; every active concept except 138875005 has an active inferred IS-A and reaches the root; "
    "IS-A only in group 0; non-zero role groups have at least two members; no duplicate relationships.",
    "Inactive concepts are primitive, have no active relationships, axioms or children, exactly one concept "
    "inactivation indicator, and concept-non-current indicators on their active descriptions.",
    "Historical associations go from inactive to active concepts.",
    "Every active concept except the root has exactly one active OWL axiom in its module, EquivalentClasses iff "
    "fully defined, naming only active concepts and including every inferred parent.",
    "MDRS: effectiveTime = sourceEffectiveTime >= targetEffectiveTime; every (moduleId, effectiveTime) of the "
    "Full files except the model module is covered.",
    "Every refset with active members has a refset descriptor with attributeOrder 0..n-1 matching its columns.",
]


# ======================================================================================================
# 13. Main
# ======================================================================================================

def generate(base_dir):
    worlds = [(v, int_world(v)) for v in INT_VERSIONS]
    int_full = build_history(worlds)
    no_full = build_history([(VNO, no_world())])
    os.makedirs(base_dir, exist_ok=True)
    write_text(os.path.join(base_dir, ".gitattributes"),
               "# Generated by Scripts/make-samples.py: keep RF2 bytes (CRLF) exactly as written.\n* -text\n",
               crlf=False)
    write_package(base_dir, "INT_20250101", int_full)
    write_package(base_dir, "INT_20250201", int_full)
    write_package(base_dir, "NO_20250215", no_full)
    P, packages, files, views = verify_all(base_dir)
    if P.items:
        for item in P.items[:200]:
            print("PROBLEM:", item)
        raise SystemExit("%d problems found; nothing is considered written correctly" % len(P.items))
    write_text(os.path.join(base_dir, "EXPECTED.md"), expected_md(packages, files, views), crlf=False)
    return packages, files, views


def tree_bytes(base_dir):
    out = {}
    for dirpath, _, names in os.walk(base_dir):
        for name in names:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                out[os.path.relpath(path, base_dir)] = f.read()
    return out


def main(argv):
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    releases = os.path.join(repo, "Releases")
    if "--check" in argv:
        tmp = tempfile.mkdtemp(prefix="steward-samples-")
        try:
            generate(tmp)
            new, old = tree_bytes(tmp), tree_bytes(releases)
            wanted = {k for k in new}
            differ = sorted(k for k in wanted if old.get(k) != new[k])
            if differ:
                print("differs from Releases/:", *differ, sep="\n  ")
                return 1
            print("Releases/ is up to date and verified (%d files)." % len(wanted))
            return 0
        finally:
            shutil.rmtree(tmp)
    packages, files, views = generate(releases)
    for key in PACKAGES:
        print("%-14s %3d files  %s" % (key, len(files[key]), PACKAGES[key]["folder"]))
    for label, (V, _, _, _) in views.items():
        print("%-42s active concepts %4d  closure %5d" % (label, len(V.active_concepts),
                                                           sum(len(V.ancestors(c)) for c in V.active_concepts)))
    print("verified; wrote Releases/EXPECTED.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
