#!/usr/bin/env python3
"""Independent check of de-identified DICOM files, written with pydicom only.

Usage: check_deid.py MANIFEST.json
The manifest is a list of {"original": path, "deidentified": path,
"rectangles": [[x, y, width, height], ...], "modifiedDates": bool}.

For every pair it checks, at every nesting depth, that no attribute PS3.15 Table E.1-1 removes,
empties or replaces keeps its original value; that private elements, curves and overlay
data are gone; that the markers are present; that the file parses; and that pixels are equal
except inside the given rectangles (which must be zero). Across the set it checks that each
original UID maps to one replacement and distinct UIDs stay distinct.

The action table comes straight from the PyPI package the Swift table is generated from
(dicom-anonymizer, PS3.15 2026c), not from the Swift code under test.
"""

from __future__ import annotations

import importlib
import json
import pathlib
import re
import sys

import numpy
import pydicom
from pydicom.dataset import Dataset
from pydicom.tag import Tag

EDITION_MODULE = "dicomanonymizer.dicom_anonymization_databases.dicomfields_2026c"
CATEGORIES = {
    "D_TAGS": "D", "Z_TAGS": "Z", "X_TAGS": "X", "U_TAGS": "U", "Z_D_TAGS": "Z/D",
    "X_Z_TAGS": "X/Z", "X_D_TAGS": "X/D", "X_Z_D_TAGS": "X/Z/D", "X_Z_U_STAR_TAGS": "X/Z/U*",
}
REGISTERED_UID_ROOT = "1.2.840.10008."
MARKER_TAGS = {Tag(0x0012, 0x0062), Tag(0x0012, 0x0063), Tag(0x0012, 0x0064),
               Tag(0x0028, 0x0303), Tag(0x0028, 0x0301)}
# Image Pixel attributes a copy with decoded pixels rewrites: YBR pixels become RGB, interleaved.
DECODED_PIXEL_TAGS = {Tag(0x0028, 0x0004), Tag(0x0028, 0x0006)}


GENERATED_TABLE = (pathlib.Path(__file__).resolve().parents[3]
                   / "Sources/Deidentification/Generated/BasicProfileTable.swift")
SWIFT_ACTIONS = {
    "dummy": "D", "zero": "Z", "remove": "X", "uid": "U", "zeroOrDummy": "Z/D",
    "removeOrZero": "X/Z", "removeOrDummy": "X/D", "removeOrZeroOrDummy": "X/Z/D",
    "removeOrZeroOrUIDs": "X/Z/U*",
}


def load_table():
    """The package's lists when installed, else the rows of the generated Swift file (data only)."""
    exact, patterns = {}, []
    try:
        module = importlib.import_module(EDITION_MODULE)
    except ImportError:
        row = re.compile(r"\.init\(0x([0-9A-F]{4})_([0-9A-F]{4})(?:, mask: 0x([0-9A-F]{4})_([0-9A-F]{4}))?, \.(\w+),")
        for match in row.finditer(GENERATED_TABLE.read_text(encoding="utf-8")):
            group, element = int(match[1], 16), int(match[2], 16)
            action = SWIFT_ACTIONS[match[5]]
            if match[3]:
                patterns.append((group, element, int(match[3], 16), int(match[4], 16), action))
            else:
                exact[Tag(group, element)] = action
        return exact, patterns, f"{GENERATED_TABLE.name} ({len(exact) + len(patterns)} rows)"
    for name, action in CATEGORIES.items():
        for entry in getattr(module, name):
            if len(entry) == 2:
                exact[Tag(entry[0], entry[1])] = action
            else:
                group, element, group_mask, element_mask = entry
                patterns.append((group, element, group_mask, element_mask, action))
    return exact, patterns, f"{EDITION_MODULE} ({len(exact) + len(patterns)} rows)"


EXACT, PATTERNS, TABLE_SOURCE = load_table()


def action_for(tag: Tag):
    if tag in EXACT:
        return EXACT[tag]
    for group, element, group_mask, element_mask, action in PATTERNS:
        if tag.group & group_mask == group & group_mask and tag.element & element_mask == element & element_mask:
            return action
    return None


def is_empty(value) -> bool:
    if value is None:
        return True
    if isinstance(value, (bytes, str)):
        return len(value.strip(b" \0" if isinstance(value, bytes) else " \0")) == 0
    if isinstance(value, (list, pydicom.multival.MultiValue, pydicom.sequence.Sequence)):
        return len(value) == 0 or all(is_empty(v) for v in value)
    return len(str(value).strip(" \0")) == 0  # PersonName and other value classes


def values(element) -> list[str]:
    value = element.value
    if isinstance(value, (list, pydicom.multival.MultiValue)):
        return [str(v) for v in value]
    if value is None:
        return []
    return [str(value)]


def valid_uid(uid: str) -> bool:
    if not uid or len(uid) > 64:
        return False
    parts = uid.split(".")
    return all(part.isdigit() and (part == "0" or not part.startswith("0")) for part in parts)


class Checker:
    def __init__(self):
        self.failures: list[str] = []
        self.uid_map: dict[str, set[str]] = {}
        self.checked = 0
        self.decoded = False

    def fail(self, where: str, message: str):
        self.failures.append(f"{where}: {message}")

    def compare(self, original: Dataset, cleaned: Dataset, where: str, modified_dates: bool,
                in_dummy_sequence: bool):
        for element in original:
            tag = element.tag
            path = f"{where}{tag}"
            out = cleaned.get(tag) if cleaned is not None else None
            if tag.group == 0x0002 or tag.element == 0x0000:
                continue
            if tag.group % 2 == 1:
                if out is not None:
                    self.fail(path, "private element survived")
                continue
            if tag.group & 0xFF00 == 0x6000 and out is not None and tag.element in (0x3000, 0x4000):
                self.fail(path, "overlay data or comments survived")
                continue
            action = action_for(tag)
            self.checked += 1
            if element.VR == "SQ":
                self.compare_sequence(element, out, path, action, modified_dates)
                continue
            if action is None:
                self.check_kept(element, out, path, modified_dates, in_dummy_sequence)
                continue
            if is_empty(element.value):
                continue
            if out is None or is_empty(out.value):
                if action == "D":
                    self.fail(path, "action D needs a non-empty dummy, found none")
                continue
            # Whole-day shifts keep times of day, so the option keeps TM values.
            shifted_or_kept = modified_dates and element.VR in ("DA", "DT", "TM")
            if modified_dates and element.VR == "TM":
                continue
            if action == "X" and not shifted_or_kept:
                self.fail(path, f"action X but the element is still present ({out.value!r})")
            if action == "Z" and tag != Tag(0x0010, 0x0010) and not shifted_or_kept:
                self.fail(path, f"action Z but the element has a value ({out.value!r})")
            self.check_not_original(element, out, path, action)

    def check_not_original(self, element, out, path, action):
        before, after = values(element), values(out)
        if element.VR == "UI":
            for old, new in zip(before, after):
                if old.startswith(REGISTERED_UID_ROOT):
                    continue
                if old == new:
                    self.fail(path, f"UID {old} kept its original value")
                if not valid_uid(new):
                    self.fail(path, f"replacement UID {new!r} is not a valid UID")
                if action == "U":
                    self.uid_map.setdefault(old, set()).add(new)
            return
        if before == after and before != ["ANONYMIZED"]:
            self.fail(path, f"action {action} but the original value {before!r} is kept")

    def check_kept(self, element, out, path, modified_dates, in_dummy_sequence):
        if element.tag in MARKER_TAGS or element.tag == Tag(0x7FE0, 0x0010):
            return
        if self.decoded and element.tag in DECODED_PIXEL_TAGS:
            return  # decoded copies describe their new, uncompressed pixels
        if element.tag.group & 0xFF00 == 0x6000:
            return  # annotty removes whole overlay groups; removing more is allowed
        if in_dummy_sequence and element.VR in ("PN", "ST", "LT", "UT", "UC"):
            return
        if modified_dates and element.VR in ("DA", "DT"):
            if not is_empty(element.value) and out is not None and values(out) == values(element):
                self.fail(path, "date not shifted under the modified-dates option")
            return
        if out is None:
            self.fail(path, "an attribute the profile keeps was removed")
        elif values(out) != values(element) and element.VR not in ("UN", "OB", "OW"):
            self.fail(path, f"an attribute the profile keeps changed: {values(element)} -> {values(out)}")

    def compare_sequence(self, element, out, path, action, modified_dates):
        if action == "X":
            if out is not None:
                self.fail(path, "action X sequence still present")
            return
        if out is None or len(out.value) == 0:
            if action is None and len(element.value) > 0:
                self.fail(path, "a sequence the profile keeps was removed or emptied")
            return
        if len(out.value) != len(element.value):
            self.fail(path, f"{len(element.value)} items became {len(out.value)}")
            return
        for index, (item, cleaned_item) in enumerate(zip(element.value, out.value)):
            self.compare(item, cleaned_item, f"{path}[{index}]>", modified_dates,
                         in_dummy_sequence=(action == "D"))

    def check_markers(self, cleaned: Dataset, where: str):
        if cleaned.get("PatientIdentityRemoved") != "YES":
            self.fail(where, "Patient Identity Removed is not YES")
        codes = [item.get("CodeValue") for item in cleaned.get("DeidentificationMethodCodeSequence", [])]
        if "113100" not in codes:
            self.fail(where, f"method code sequence lacks 113100 (has {codes})")
        if cleaned.file_meta.MediaStorageSOPInstanceUID != cleaned.SOPInstanceUID:
            self.fail(where, "meta and data set SOP Instance UIDs differ")

    def check_no_leaks(self, original: Dataset, cleaned: Dataset, where: str):
        secrets = set()
        for keyword in ("PatientName", "PatientID", "OtherPatientIDs", "PatientBirthDate"):
            value = original.get(keyword)
            if value is not None and len(str(value).strip()) >= 3:
                secrets.add(str(value).strip())
        for element in cleaned.iterall():
            if element.VR in ("OB", "OW", "UN", "SQ") or element.tag == Tag(0x0012, 0x0063):
                continue
            text = str(element.value)
            for secret in secrets:
                if secret in text:
                    self.fail(where, f"{element.tag} still contains {secret!r}")

    def check_pixels(self, original: Dataset, cleaned: Dataset, rectangles, where: str,
                     tolerance: int = 0):
        if "PixelData" not in original:
            return
        try:
            before = original.pixel_array
        except Exception:
            # pydicom cannot decode some malformed originals; then the raw bytes must match.
            if not rectangles and original.file_meta.get("TransferSyntaxUID") != "1.2.840.10008.1.2.2":
                if bytes(original.PixelData).rstrip(b"\0") != bytes(cleaned.PixelData).rstrip(b"\0"):
                    self.fail(where, "pixel data bytes changed")
            return
        try:
            after = cleaned.pixel_array
        except Exception as error:
            self.fail(where, f"the de-identified pixels do not decode: {error}")
            return
        if before.shape != after.shape:
            self.fail(where, f"pixel array shape {before.shape} became {after.shape}")
            return
        mask = numpy.zeros(before.shape, dtype=bool)
        frames = int(original.get("NumberOfFrames", 1) or 1)
        for x, y, width, height in rectangles:
            if frames > 1:
                mask[:, y:y + height, x:x + width, ...] = True
            else:
                mask[y:y + height, x:x + width, ...] = True
        outside_before = before[~mask].astype(numpy.float64)
        outside_after = after[~mask].astype(numpy.float64)
        if outside_before.size and numpy.abs(outside_before - outside_after).max() > tolerance:
            self.fail(where, "pixels changed outside the redaction rectangles")
        if mask.any() and numpy.any(after[mask] != 0):
            self.fail(where, "pixels inside a redaction rectangle are not zero")

    def check_uid_consistency(self):
        reverse: dict[str, str] = {}
        for old, news in self.uid_map.items():
            if len(news) != 1:
                self.fail("set", f"UID {old} was replaced by {len(news)} different UIDs")
            for new in news:
                if new in reverse and reverse[new] != old:
                    self.fail("set", f"UIDs {old} and {reverse[new]} both became {new}")
                reverse[new] = old


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as handle:
        manifest = json.load(handle)
    checker = Checker()
    for entry in manifest:
        where = entry["deidentified"]
        original = pydicom.dcmread(entry["original"], force=True)
        try:
            cleaned = pydicom.dcmread(where)
        except Exception as error:  # the file must parse without force
            checker.fail(where, f"pydicom cannot read it: {error}")
            continue
        if original.get("SOPClassUID") != cleaned.get("SOPClassUID"):
            checker.fail(where, "SOP Class UID changed")
        modified = bool(entry.get("modifiedDates", False))
        checker.decoded = bool(entry.get("decoded", False))
        checker.compare(original, cleaned, f"{where} ", modified, in_dummy_sequence=False)
        checker.check_markers(cleaned, where)
        checker.check_no_leaks(original, cleaned, where)
        checker.check_pixels(original, cleaned, entry.get("rectangles", []), where,
                             int(entry.get("pixelTolerance", 0)))
    checker.check_uid_consistency()
    for failure in checker.failures:
        print("FAIL", failure)
    print(f"oracle: checked {checker.checked} elements in {len(manifest)} files and "
          f"{len(checker.uid_map)} replaced UIDs; {len(checker.failures)} problem(s); "
          f"table {TABLE_SOURCE}")
    return 1 if checker.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
