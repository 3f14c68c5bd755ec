"""Inputs as users have them: empty files, old encodings, byte-order marks,
binary files, things that are not files, paths that do not exist.

A bad input is named on stderr with its reason and the run goes on with the
others; the exit code is 1 when any input failed, and the summary says how
many of each. The CLI runs in-process with the session's loaded pipeline,
so these tests do not load the model again for every run.
"""

from __future__ import annotations

import json
import os
import sys

import pytest
from typer.testing import CliRunner

from pipeline.inputs import decode, list_inputs
from schemas import Article

SPANISH = "Inversión de 3.000 millones de euros en España: “año récord”, según la compañía."


@pytest.fixture
def afirma(extractor, monkeypatch):
    """`afirma ARGS...` in-process: (exit code, stdout, stderr)."""
    import pipeline.api
    from pipeline.cli import app

    monkeypatch.setattr(pipeline.api, "Extractor", lambda model=None, **options: extractor)

    def run(*args):
        result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return run


def records(text: str) -> list[dict]:
    found = [json.loads(line) for line in text.splitlines() if line.strip()]
    for record in found:
        Article.model_validate(record)
    return found


def only(text: str) -> dict:
    [record] = records(text)
    return record


# --------------------------------------------------------------- text files
@pytest.mark.model
@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n"], ids=["empty", "whitespace", "bom-only", "bom-space"])
def test_inputs_empty_file_gives_a_record_with_a_note(afirma, tmp_path, content):
    path = tmp_path / "vacio.txt"
    path.write_bytes(content)
    code, out, err = afirma("extract", path)
    assert code == 0, err
    record = only(out)
    assert record["id"] == "vacio" and record["spans"] == [] and record["claims"] == []
    assert record["meta"]["note"]
    assert "1 extracted, 0 failed" in err


@pytest.mark.model
def test_inputs_utf8_bom_is_not_in_the_text(afirma, tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SPANISH.encode("utf-8"))
    code, out, err = afirma("extract", path)
    assert code == 0, err
    record = only(out)
    assert record["text"] == SPANISH
    assert "afirma: warning:" not in err


@pytest.mark.model
@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_inputs_legacy_encoding_is_read_with_a_warning_naming_the_file(afirma, tmp_path, codec):
    text = SPANISH.replace("“", '"').replace("”", '"') if codec == "latin-1" else SPANISH
    path = tmp_path / f"antigua-{codec}.txt"
    path.write_bytes(text.encode(codec))
    code, out, err = afirma("extract", path)
    assert code == 0, err
    record = only(out)
    assert record["text"] == text
    assert f"warning: {path}: not valid UTF-8" in err
    money = [s for s in record["spans"] if s["label"] == "MONEY"]
    assert [s["text"] for s in money] == ["3.000 millones de euros"]


@pytest.mark.model
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_inputs_utf16_without_bom_is_decoded_with_a_warning(afirma, tmp_path, codec):
    """Some Windows tools save UTF-16 with no byte-order mark: its zero bytes
    must not make the article look binary."""
    path = tmp_path / "sin-marca.txt"
    path.write_bytes(SPANISH.encode(codec))
    code, out, err = afirma("extract", path)
    assert code == 0, err
    record = only(out)
    assert record["text"] == SPANISH and record["meta"]["encoding"] == codec
    assert f"{path}: no byte-order mark; read as {codec.upper()}" in err


@pytest.mark.model
def test_inputs_stray_nul_is_not_binary(afirma, tmp_path):
    """One NUL from a database export: the article is read, the NUL kept in
    the text and left out of what the recognisers see."""
    path = tmp_path / "exportada.txt"
    text = SPANISH.replace("de 3.000", "de\x00 3.000")
    path.write_bytes(text.encode("utf-8"))
    code, out, err = afirma("extract", path)
    assert code == 0, err
    record = only(out)
    assert record["text"] == text
    money = [s for s in record["spans"] if s["label"] == "MONEY"]
    assert [s["text"] for s in money] == ["3.000 millones de euros"]


@pytest.mark.model
def test_inputs_upper_case_extension_is_read(afirma, tmp_path):
    (tmp_path / "NOTA.TXT").write_text(SPANISH, encoding="utf-8")
    (tmp_path / "otra.txt").write_text(SPANISH, encoding="utf-8")
    (tmp_path / "imagen.png").write_bytes(b"\x89PNG")
    code, out, err = afirma("extract", tmp_path)
    assert code == 0, err
    assert [r["id"] for r in records(out)] == ["NOTA", "otra"]


@pytest.mark.model
@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_inputs_utf16_with_bom_is_decoded(afirma, tmp_path, codec):
    path = tmp_path / "dieciseis.txt"
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[codec]
    path.write_bytes(bom + SPANISH.encode(codec))
    code, out, err = afirma("extract", path)
    assert code == 0, err
    assert only(out)["text"] == SPANISH


@pytest.mark.model
def test_inputs_forced_encoding_is_used(afirma, tmp_path):
    path = tmp_path / "forzada.txt"
    path.write_bytes(SPANISH.encode("cp1252"))
    code, out, err = afirma("extract", path, "--encoding", "cp1252")
    assert code == 0, err
    record = only(out)
    assert record["text"] == SPANISH and record["meta"]["encoding"] == "cp1252"
    assert "afirma: warning:" not in err


@pytest.mark.model
def test_inputs_forced_utf8_drops_the_bom(afirma, tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SPANISH.encode("utf-8"))
    code, out, err = afirma("extract", path, "--encoding", "utf-8")
    assert code == 0, err
    assert only(out)["text"] == SPANISH


@pytest.mark.model
def test_inputs_wrong_encoding_name_is_a_clear_error(afirma, tmp_path):
    path = tmp_path / "nota.txt"
    path.write_text(SPANISH, encoding="utf-8")
    code, out, err = afirma("extract", path, "--encoding", "klingon-8")
    assert code == 1
    assert out == ""
    assert f"{path}: unknown encoding 'klingon-8'" in err
    assert "Traceback" not in err
    assert "0 extracted, 1 failed" in err


@pytest.mark.model
def test_inputs_forced_encoding_that_does_not_fit_names_the_byte(afirma, tmp_path):
    path = tmp_path / "nota.txt"
    path.write_bytes(SPANISH.encode("cp1252"))
    code, out, err = afirma("extract", path, "--encoding", "utf-8")
    assert code == 1
    first_bad = SPANISH.encode("cp1252").index("ó".encode("cp1252"))
    assert f"{path}: cannot be decoded as utf-8 at byte {first_bad}" in err
    assert "0 extracted, 1 failed" in err


# -------------------------------------------------------- what is not text
@pytest.mark.model
def test_inputs_bad_paths_are_named_and_the_run_goes_on(afirma, tmp_path):
    good = tmp_path / "buena.txt"
    good.write_text("Meta compró 350.000 GPU.", encoding="utf-8")
    binary = tmp_path / "imagen.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    fifo = tmp_path / "tuberia.txt"
    os.mkfifo(fifo)
    folder_named_txt = tmp_path / "carpeta.txt"
    folder_named_txt.mkdir()
    empty_folder = tmp_path / "vacia"
    empty_folder.mkdir()
    missing = tmp_path / "no-existe.txt"
    code, out, err = afirma("extract", good, binary, fifo, folder_named_txt, empty_folder, missing)
    assert code == 1
    assert [r["id"] for r in records(out)] == ["buena"]
    assert f"{binary}: binary data" in err
    assert f"{fifo}: not a regular file or folder" in err
    assert f"{folder_named_txt}: folder has no .txt files" in err
    assert f"{empty_folder}: folder has no .txt files" in err
    assert f"{missing}: no such file or folder" in err
    assert "Traceback" not in err
    assert "1 extracted, 5 failed" in err


@pytest.mark.model
def test_inputs_non_files_inside_a_folder_are_named(afirma, tmp_path):
    folder = tmp_path / "notas"
    folder.mkdir()
    (folder / "buena.txt").write_text("Meta compró 350.000 GPU.", encoding="utf-8")
    os.mkfifo(folder / "tuberia.txt")
    (folder / "enlace-roto.txt").symlink_to(tmp_path / "no-existe.txt")
    (folder / "sub.txt").mkdir()  # a folder is searched, not read
    (folder / "sub.txt" / "dentro.txt").write_text("Google compró 20 GPU.", encoding="utf-8")
    code, out, err = afirma("extract", folder)
    assert code == 1
    assert sorted(r["id"] for r in records(out)) == ["buena", "sub.txt/dentro"]
    assert f"{folder / 'tuberia.txt'}: not a regular file" in err
    assert f"{folder / 'enlace-roto.txt'}: broken link" in err
    assert "2 extracted, 2 failed" in err


@pytest.mark.model
@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_inputs_unreadable_file_is_named(afirma, tmp_path):
    good = tmp_path / "buena.txt"
    good.write_text("Meta compró 350.000 GPU.", encoding="utf-8")
    locked = tmp_path / "cerrada.txt"
    locked.write_text("Meta compró 350.000 GPU.", encoding="utf-8")
    locked.chmod(0)
    try:
        code, out, err = afirma("extract", good, locked)
    finally:
        locked.chmod(0o644)
    assert code == 1
    assert [r["id"] for r in records(out)] == ["buena"]
    assert f"{locked}: Permission denied" in err
    assert "1 extracted, 1 failed" in err


# ---------------------------------------------------------------------- ids
@pytest.mark.model
def test_inputs_ids_are_relative_paths_without_txt(afirma, tmp_path):
    folder = tmp_path / "corpus"
    (folder / "2024" / "sept").mkdir(parents=True)
    (folder / "a.txt").write_text("Meta compró 10 GPU.", encoding="utf-8")
    (folder / "2024" / "b.v2.txt").write_text("Meta compró 20 GPU.", encoding="utf-8")
    (folder / "2024" / "sept" / "c.txt").write_text("Meta compró 30 GPU.", encoding="utf-8")
    (folder / "notas.md").write_text("no es un artículo", encoding="utf-8")
    first = afirma("extract", folder)
    second = afirma("extract", folder)
    ids = [r["id"] for r in records(first[1])]
    assert ids == ["2024/b.v2", "2024/sept/c", "a"]
    assert [r["id"] for r in records(second[1])] == ids
    assert records(first[1]) == records(second[1])


@pytest.mark.model
def test_inputs_duplicate_ids_are_refused_up_front_naming_both(afirma, tmp_path):
    for folder in ("uno", "dos"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "nota.txt").write_text("Meta compró 10 GPU.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, stdout, err = afirma("extract", tmp_path / "uno", tmp_path / "dos", "-o", out)
    assert code == 2
    assert "same article id" in err and "'nota'" in err
    assert str(tmp_path / "uno" / "nota.txt") in err and str(tmp_path / "dos" / "nota.txt") in err
    assert not out.exists() and stdout == ""


# ------------------------------------------------------------ the functions
@pytest.mark.parametrize(
    "data, text, encoding, warned",
    [
        (b"", "", "utf-8", False),
        ("año".encode("utf-8"), "año", "utf-8", False),
        (b"\xef\xbb\xbfa\xc3\xb1o", "año", "utf-8-sig", False),
        (b"\xff\xfea\x00\xf1\x00o\x00", "año", "utf-16", False),
        (b"\xfe\xff\x00a\x00\xf1\x00o", "año", "utf-16", False),
        ("año “x” €".encode("cp1252"), "año “x” €", "cp1252", True),
        (b"a\xf1o \x81", "año \x81", "latin-1", True),
    ],
)
def test_inputs_decode_guesses_the_encoding(data, text, encoding, warned):
    decoded = decode(data)
    assert (decoded.text, decoded.encoding, decoded.warning is not None) == (text, encoding, warned)


@pytest.mark.parametrize("codec", ["utf-8", "UTF8", "utf-16-le", "utf-16-be", "utf-32"])
def test_inputs_decode_forced_encoding_drops_a_bom(codec):
    data = "\ufeffaño".encode(codec) if codec.lower().replace("-", "") != "utf32" else "año".encode(codec)
    assert decode(data, codec).text == "año"


def test_inputs_list_inputs_reports_without_reading(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")  # reading it would block forever
    listing = list_inputs([str(tmp_path), str(tmp_path / "zzz")])
    assert [s.id for s in listing.sources] == ["a"]
    assert sorted(e.reason for e in listing.errors) == ["no such file or folder", "not a regular file"]


@pytest.mark.model
@pytest.mark.parametrize("resume", [False, True])
def test_inputs_unwritable_output_is_named_not_a_traceback(afirma, tmp_path, resume):
    """`-o` naming a folder (or anything that cannot be written): a usage
    error that names it, and no record half-written anywhere."""
    article = tmp_path / "nota.txt"
    article.write_text(SPANISH, encoding="utf-8")
    folder = tmp_path / "salida"
    folder.mkdir()
    code, out, err = afirma("extract", article, "-o", folder, *(["--resume"] if resume else []))
    assert code == 2
    assert f"afirma: error: {folder}: cannot" in err and "Traceback" not in err
    assert not out and list(folder.iterdir()) == []
