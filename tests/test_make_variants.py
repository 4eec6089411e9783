"""scripts/make_variants.py: file layout score.py pairs, skipped converters, re-encodings."""
import importlib.util
import json
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "make_variants.py"


def load_script():
    spec = importlib.util.spec_from_file_location("make_variants", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


def test_missing_names_absent_programs_and_modules():
    mv = load_script()
    lacking = mv.missing(("exe:surely-no-such-program-gk", "mod:surely_no_such_module_gk", "mod:json"))
    assert lacking == ["program surely-no-such-program-gk", "Python module surely_no_such_module_gk"]


def test_encoded_counts_characters_the_encoding_lacks():
    mv = load_script()
    data, lost = mv.encoded("申请1件", "gbk")
    assert lost == 0 and data.decode("gbk") == "申请1件"
    data, lost = mv.encoded("申請☃件", "big5")
    assert lost == 1 and data.decode("big5") == "申請?件"
    assert mv.crlf("a\nb\r\nc") == "a\r\nb\r\nc"


def test_variants_beside_truth_with_skips_and_recodings(tmp_path, monkeypatch):
    mv = load_script()
    originals = tmp_path / "originals"
    originals.mkdir()
    truth = {"format": 2021, "t2": None, "t3": None, "t4": None}
    (originals / "gd01.json").write_text(json.dumps(truth), encoding="utf-8")
    (originals / "gd01.html").write_text("<p>本年新收 12</p>", encoding="utf-8")
    fake = [
        mv.Converter("html-fake", "html", (), lambda path: path.read_text(encoding="utf-8") + "\n"),
        mv.Converter("html-absent", "html", ("exe:surely-no-such-program-gk",), lambda path: "never"),
        mv.Converter("pdf-fake", "pdf", (), lambda path: "no pdf original, never called"),
    ]
    monkeypatch.setattr(mv, "converters", lambda: fake)
    monkeypatch.setattr(mv, "RECODING_BASES", ("html-fake",))
    logged = []
    out = tmp_path / "variants"
    written = mv.make_variants(originals, out, log=logged.append)

    assert any(line.startswith("skip html-absent: not installed (program surely-no-such-program-gk)") for line in logged)
    assert json.loads((out / "gd01.json").read_text(encoding="utf-8")) == truth
    names = sorted(p.name for p in written)
    assert "gd01__html-fake.txt" in names
    assert not any("absent" in n or "pdf-fake" in n for n in names)
    base = (out / "gd01__html-fake.txt").read_text(encoding="utf-8")
    assert base == "<p>本年新收 12</p>\n"
    assert (out / "gd01__html-fake.utf16be.txt").read_bytes() == base.encode("utf-16-be")
    assert (out / "gd01__html-fake.gbk-crlf.txt").read_bytes() == base.replace("\n", "\r\n").encode("gbk")
    # Every variant pairs with the truth the way score.py pairs files: NAME__variant.txt beside NAME.json.
    assert all(n.startswith("gd01__") and n.endswith(".txt") for n in names)
