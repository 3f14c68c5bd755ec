"""Bare numbers: digits, number words, fractions, collectives and vague magnitudes.

A core is the number alone with the scale words that follow it ("4,300
millones", "dos mil", "dos tercios", "una docena"); qualifiers, currencies,
units and ranges are read around it by the recogniser.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.numbers.lexicon import GAP1, fold
from pipeline.numbers.match import Core
from pipeline.numbers.values import parse_words, read_digits

if TYPE_CHECKING:
    from pipeline.numbers.recognizer import Scanner

_DIGITS = re.compile(
    # "100 000" with any space; not "14 100.000", "14 100k", which are two numbers
    r"\d{1,3}(?:[\u00a0\u202f\u2009\u2007]\d{3})+(?:,\d+)?(?![^\W_]|[.,]\d)"
    r"|\d{1,3}(?: \d{3})+(?![^\W_]|[.,]\d)"
    r"|\d+(?:[.,]\d+)*"
)
_GAP = re.compile(GAP1)
_JOINER = re.compile(r"(?:y|e)(?![^\W\d_])", re.IGNORECASE)
_Y_MEDIO = re.compile(GAP1 + r"y" + GAP1 + r"(?:medio|media)(?![^\W\d_])", re.IGNORECASE)
_THOUSANDS_THEN = re.compile(GAP1 + r"(\d{1,3})(?![\d]|[.,]\d)")  # "3 mil 500 millones"
_DIGIT_FRACTION = re.compile(r"(\d{1,2})/(\d{1,2})(?![\d/])")
_POST_PLACE = re.compile(r"(?:^|\n)[ \t]*[\"“«]?[ \t]*$")
_DE_AFTER = re.compile(GAP1 + r"(?:de|del)(?![^\W\d_])|[ \t]*[,.;:)]|[ \t]*$", re.IGNORECASE)
_VAGUE_SCALES = {"mil": 1e3, "miles": 1e3, "millones": 1e6, "millardos": 1e9, "billones": 1e12}
_VAGUE_CHAIN = re.compile(GAP1 + r"de" + GAP1 + r"(mil|miles|millones|millardos|billones)(?![^\W\d_])", re.IGNORECASE)
_ARTICLE_NUMERATORS = ("un", "una", "uno", "media", "medio")
# Denominators that are also ordinary words ("un cuarto" is also a room):
# fractions only before "de" or at the end of a phrase.
_AMBIGUOUS_DENOMINATORS = ("cuarto", "cuartos", "medio", "medios")
_CON = re.compile(GAP1 + r"con" + GAP1, re.IGNORECASE)
_NOUN_AFTER = re.compile(GAP1 + r"(?!por(?![^\W\d_]))[a-záéíóúñ]")
_SOBRE = re.compile(GAP1 + r"sobre" + GAP1, re.IGNORECASE)
# "la segunda mitad de 2025", "a mitad de año": the middle of a time, not a half of an amount.
_MIDDLE_BEFORE = re.compile(r"(?<![^\W\d_])(?:primera|segunda|última|a|en|hasta)" + GAP1 + r"$", re.IGNORECASE)
_PERIOD_AFTER = re.compile(GAP1 + r"(?:de|del)" + GAP1 + r"(?:\d{4}|año|mes|siglo|década|semana|trimestre|semestre|ejercicio|camino|partido)", re.IGNORECASE)
_DIGIT_WORDS = {"cero": "0", "uno": "1", "una": "1", "un": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5",
                "seis": "6", "siete": "7", "ocho": "8", "nueve": "9"}


# ---------------------------------------------------------------- digits
def digit_core(sc: "Scanner", pos: int, *, after_dash: bool = False) -> Core | None:
    match = _DIGITS.match(sc.text, pos)
    if not match:
        return None
    start, end = match.span()
    raw = match.group()
    # Trailing separators belong to the sentence, not the number ("en 2024.").
    while raw and raw[-1] in ".,":
        raw, end = raw[:-1], end - 1
    fraction = _digit_fraction(sc, start)
    if fraction is not None:
        return _signed(sc, fraction)
    power = _EXPONENT.match(sc.text, end)
    if power and not sc.free_standing(start, start):  # what stands before still counts
        return None
    if not power and not sc.free_standing(start, end, after_dash=after_dash):
        return None
    reading = read_digits(raw, sc.context.style, scaled=_scale_follows(sc, end))
    if reading is None:
        return None
    core = Core(start, end, reading.value, by_convention=reading.by_convention)
    if power:
        _raise(core, power)
    _leading_comma(sc, core, raw)
    core = _signed(sc, core)
    if not (_collective_after(sc, core) or _mixed_fraction(sc, core)):
        scale(sc, core, allow_suffix=True)
    return core


_EXPONENT = re.compile(r"(?:[eE](?P<e>[+-]?\d{1,3})|\^(?P<sign>[+-]*)(?P<p>\d{1,3}))(?![\w])")


def _raise(core: Core, power: re.Match) -> None:
    """'1e10', '12,32e+14', '1,1^23', '2,5^-1'."""
    try:
        if power.group("e") is not None:
            core.base *= 10.0 ** int(power.group("e"))
        else:
            exponent = int(power.group("p")) * (-1 if power.group("sign").count("-") % 2 else 1)
            core.base = core.base**exponent
    except (OverflowError, ZeroDivisionError):
        core.base = float("inf")
    core.end = power.end()
    core.rule += "+power"


def _leading_comma(sc: "Scanner", core: Core, raw: str) -> None:
    """',08' is 0,08 when nothing but a space stands before the comma."""
    start = core.start
    if start and sc.text[start - 1] in ",." and raw.isdigit() and (start == 1 or sc.text[start - 2].isspace()):
        core.base = int(raw) / 10 ** len(raw)
        core.start = start - 1


def _signed(sc: "Scanner", core: Core) -> Core:
    start = core.start
    if start > 0 and sc.text[start - 1] in "-−" and (start == 1 or sc.text[start - 2].isspace()):
        core.start, core.base = start - 1, -core.base
    return core


def _collective_after(sc: "Scanner", core: Core) -> bool:
    """'3 docenas' is 36."""
    gap = _GAP.match(sc.text, core.end)
    word = gap and sc.lex.collective_re.match(sc.text, gap.end())
    if not word:
        return False
    core.base *= sc.lex.collectives[word.group().lower()]
    core.end = word.end()
    core.rule += "+collective"
    return True


def _mixed_fraction(sc: "Scanner", core: Core) -> bool:
    """'10 1/2' is 10,5; '2  1/4' 2,25."""
    gap = _GAP.match(sc.text, core.end)
    if not gap or core.base != int(core.base):
        return False
    fraction = _digit_fraction(sc, gap.end())
    if fraction is None:
        return False
    core.base += fraction.base if core.base >= 0 else -fraction.base
    core.end = fraction.end
    core.rule += "+fraction"
    return True


def _scale_follows(sc: "Scanner", end: int) -> bool:
    lex = sc.lex
    return bool(lex.scale_re.match(sc.text, end) or lex.scaled_currency_re.match(sc.text, end))


def _digit_fraction(sc: "Scanner", start: int) -> Core | None:
    """'2/3', '1/4': a small proper fraction, not a date or '24/7'."""
    match = _DIGIT_FRACTION.match(sc.text, start)
    if not match:
        return None
    numerator, denominator = int(match.group(1)), int(match.group(2))
    if not (0 < numerator < denominator <= 10) or (start and (sc.text[start - 1].isalnum() or sc.text[start - 1] in "/.")):
        return None
    if _POST_PLACE.search(sc.text, max(0, start - 4), start) and sc.text[match.end() : match.end() + 1] in (" ", "\t"):
        return None  # "3/7 Yatay Datos promete...": a thread's post opens on its place, no figure
    return Core(start, match.end(), numerator / denominator, rule="fraction")


def scale(sc: "Scanner", core: Core, *, allow_suffix: bool) -> None:
    """The suffix ('100k', '1,5M') or scale words ('mil millones') after a number."""
    text, lex = sc.text, sc.lex
    if allow_suffix and _suffix(sc, core):
        return
    found = lex.scale_re.match(text, core.end)
    if found:
        if found.group("mil"):
            factor = 1e3 * (lex.scales[found.group("milscale").lower()] if found.group("milscale") else 1.0)
        else:
            factor = lex.scales[fold(found.group("scale"))]
        core.scale *= factor
        core.has_scale = True
        core.end = found.end()
        core.rule += "+scale"
        if found.group("mil") and not found.group("milscale"):
            _thousands_then(sc, core)
    half = _Y_MEDIO.match(text, core.end)
    if half and core.scale > 1:
        core.base += 0.5
        core.end = half.end()


def _suffix(sc: "Scanner", core: Core) -> bool:
    lex, text = sc.lex, sc.text
    suffix = lex.suffix_re.match(text, core.end)
    if not suffix or (suffix.group() in ("k", "K") and core.base < 10):
        return False  # "4K" is a screen, "100k" a count
    if lex.scaled_currency_re.match(text, core.end):
        return False
    core.scale *= lex.suffixes[suffix.group()]
    core.has_scale = True
    core.end = suffix.end()
    core.rule += "+suffix"
    return True


def _thousands_then(sc: "Scanner", core: Core) -> None:
    """'3 mil 500 millones' is 3.500 millones; '2 mil 400 procesadores' 2.400."""
    more = _THOUSANDS_THEN.match(sc.text, core.end)
    if not more or core.base != int(core.base):
        return
    core.base = core.base * 1000 + int(more.group(1))
    core.scale = 1.0
    core.end = more.end()
    core.rule += "+mil"
    following = sc.lex.scale_re.match(sc.text, core.end)
    if following and not following.group("mil"):
        core.scale = sc.lex.scales[fold(following.group("scale"))]
        core.end = following.end()


# ----------------------------------------------------------------- words
def word_core(sc: "Scanner", pos: int) -> Core | None:
    words, end = _number_words(sc, pos)
    while words and words[-1] == "y":
        words.pop()
    if not words:
        return None
    lex = sc.lex
    if words[0] in lex.half and not any(w in lex.scales or w in lex.thousand for w in words):
        return None
    if words[0] in lex.scales:
        return None  # "millones de ..." with no number is a vague magnitude
    if words[0] in ("un", "una", "uno") and len(words) > 1 and lex.word_value(words[1]) is not None:
        return None  # "un veinticinco por ciento": the article, then the number
    parsed = parse_words(words, lex)
    if parsed is None:
        return None
    value, last_scale = parsed
    factor = 1.0
    # Keep the scale separate so that a range can distribute it.
    if last_scale > 1 and value % last_scale == 0 and value >= last_scale:
        factor = last_scale
        value = value / last_scale
    core = Core(pos, end, value, scale=factor, from_words=True, rule="words")
    core.has_scale = any(w in lex.scales or w in lex.thousand for w in words)
    if words[-1] in lex.thousand and factor == 1e3:
        _thousands_then(sc, core)  # Mexico's "mil 200 millones de dólares" is 1.200 millones
    _decimal_words(sc, core)
    return core


def _number_words(sc: "Scanner", pos: int) -> tuple[list[str], int]:
    """The run of number words from `pos`, with the 'y' that joins them."""
    lex, text = sc.lex, sc.text
    words: list[str] = []
    end = cursor = pos
    while True:
        match = lex.number_word_re.match(text, cursor)
        if not match:
            break
        word = match.group().lower()
        if words and word in lex.half and words[-1] != "y":
            break
        words.append(word)
        end = match.end()
        gap = _GAP.match(text, end)
        if not gap:
            break
        cursor = gap.end()
        joiner = _JOINER.match(text, cursor)
        if joiner and _y_joins_number(sc, words, joiner.end()):
            words.append("y")
            gap = _GAP.match(text, joiner.end())
            if not gap:
                break
            cursor = gap.end()
    return words, end


def _y_joins_number(sc: "Scanner", words: list[str], after: int) -> bool:
    """'treinta y dos' and 'millones y medio' join; 'tres y cuatro' does not."""
    lex = sc.lex
    gap = _GAP.match(sc.text, after)
    nxt = gap and lex.number_word_re.match(sc.text, gap.end())
    if not nxt:
        return False
    following = nxt.group().lower()
    if following in lex.half:
        return any(w in lex.scales or w in lex.thousand for w in words) or lex.word_value(words[-1]) is not None
    last = lex.word_value(words[-1])
    return last is not None and last in (30, 40, 50, 60, 70, 80, 90) and following in lex.units and lex.units[following] < 10


def _decimal_words(sc: "Scanner", core: Core) -> None:
    """'dos coma cinco' is 2.5; 'siete coma cero cinco' 7.05; 'siete con
    cincuenta' 7.5; 'cinco con un cuarto' 5.25; 'seis millones con dos
    tercios' 6.666.666."""
    con = _CON.match(sc.text, core.end)
    part = con and fraction_core(sc, con.end())
    if part:
        core.base += part.base
        core.end = part.end
        core.rule += "+fraction"
        return
    joint = sc.lex.decimal_word_re.match(sc.text, core.end) or con
    if not joint or core.scale != 1.0:
        return
    words, end = _number_words(sc, joint.end())
    if not words or (joint is con and _NOUN_AFTER.match(sc.text, end)):
        return  # "tres con cuatro núcleos" is no decimal
    if all(w in _DIGIT_WORDS for w in words):
        digits = "".join(_DIGIT_WORDS[w] for w in words)
    else:
        parsed = parse_words(words, sc.lex)
        if parsed is None or parsed[0] != int(parsed[0]):
            return
        digits = str(int(parsed[0]))
    core.base += int(digits) / 10 ** len(digits)
    core.end = end
    core.rule += "+decimal-words"


# -------------------------------------------------------------- fractions
def fraction_core(sc: "Scanner", pos: int) -> Core | None:
    """'dos tercios', 'un cuarto', 'tres cuartas partes', 'la tercera parte'."""
    numerator, after = _numerator(sc, pos)
    if numerator is None:
        return None
    gap = _GAP.match(sc.text, after)
    if not gap:
        return None
    part = sc.lex.fraction_part_re.match(sc.text, gap.end())
    if part:
        denominator = sc.lex.fraction_parts[part.group().split()[0].lower()]
        return Core(pos, part.end(), numerator / denominator, from_words=True, rule="fraction")
    word = sc.lex.fraction_re.match(sc.text, gap.end())
    if not word:
        return None
    denominator = sc.lex.denominator(word.group())
    if not denominator or (word.group().lower() in _AMBIGUOUS_DENOMINATORS and not _DE_AFTER.match(sc.text, word.end())):
        return None
    if numerator > 1 and not word.group().lower().endswith("s"):
        return None  # "dos millonésimo" is an ordinal after a count, not two millionths
    return Core(pos, word.end(), numerator / denominator, from_words=True, rule="fraction")


def _numerator(sc: "Scanner", pos: int) -> tuple[float | None, int]:
    text = sc.text
    article = re.compile(r"(?:un|una|uno)(?![^\W\d_])", re.IGNORECASE).match(text, pos)
    if article:
        return 1.0, article.end()
    if text[pos : pos + 1].isdigit():
        digits = re.compile(r"\d{1,3}(?![\d.,])").match(text, pos)
        return (float(digits.group()), digits.end()) if digits else (None, pos)
    words, end = _number_words(sc, pos)
    while words and words[-1] == "y":
        words.pop()
    parsed = parse_words(words, sc.lex) if words else None
    return (parsed[0], end) if parsed else (None, pos)


def over_core(sc: "Scanner", pos: int) -> Core | None:
    """'1 sobre 3', 'uno sobre veinte': a proper fraction said with 'sobre'."""
    numerator, after = _numerator(sc, pos)
    joint = numerator is not None and _SOBRE.match(sc.text, after)
    if not joint:
        return None
    if sc.text[joint.end() : joint.end() + 1].isdigit():
        digits = re.compile(r"\d{1,4}(?![\d.,])").match(sc.text, joint.end())
        denominator, end = (float(digits.group()), digits.end()) if digits else (None, 0)
    else:
        words, end = _number_words(sc, joint.end())
        parsed = parse_words(words, sc.lex) if words else None
        denominator = parsed[0] if parsed else None
    if not denominator or not numerator < denominator or numerator != int(numerator):
        return None
    return Core(pos, end, numerator / denominator, from_words=True, rule="fraction")


def half_core(sc: "Scanner", pos: int) -> Core | None:
    """'la mitad', 'la tercera parte': the noun alone is the span, its article
    stays out (one, as in 'la mitad' = one half)."""
    half = sc.lex.half_re.match(sc.text, pos)
    if half and not _MIDDLE_BEFORE.search(sc.text[max(0, pos - 12) : pos]) and not _PERIOD_AFTER.match(sc.text, half.end()):
        return Core(pos, half.end(), sc.lex.halves[half.group().lower()], from_words=True, rule="fraction")
    part = sc.lex.fraction_part_re.match(sc.text, pos)
    if part:
        return Core(pos, part.end(), 1 / sc.lex.fraction_parts[part.group().split()[0].lower()], from_words=True, rule="fraction")
    return None


def collective_core(sc: "Scanner", pos: int) -> Core | None:
    """'una docena', 'dos docenas', 'media docena', 'un centenar'."""
    numerator, after = _numerator(sc, pos)
    half = re.compile(r"(?:media|medio)(?![^\W\d_])", re.IGNORECASE).match(sc.text, pos)
    if half:
        numerator, after = 0.5, half.end()
    gap = numerator is not None and _GAP.match(sc.text, after)
    word = gap and sc.lex.collective_re.match(sc.text, gap.end())
    if not word:
        return None
    return Core(pos, word.end(), numerator * sc.lex.collectives[word.group().lower()], from_words=True, rule="collective")


# ----------------------------------------------------------------- vague
def vague_core(sc: "Scanner", pos: int) -> Core | None:
    match = sc.lex.vague_re.match(sc.text, pos)
    if not match:
        return None
    low, high = sc.lex.vague[match.group().lower()]
    end = match.end()
    chain = _VAGUE_CHAIN.match(sc.text, end)
    while chain:
        factor = _VAGUE_SCALES[chain.group(1).lower()]
        low, high = low * factor, high * factor
        end = chain.end()
        chain = _VAGUE_CHAIN.match(sc.text, end)
    return Core(pos, end, 0.0, vague=(low, high), rule="vague")


def one_unit(sc: "Scanner", pos: int) -> Core | None:
    """'menos de un año', 'casi una semana': after a qualifier, "un" is one;
    'un semestre', 'una década' name a length of several units on their own."""
    word = sc.lex.number_word_re.match(sc.text, pos)
    duration = word and word.group().lower() in ("un", "una", "media", "medio") and sc.lex.duration_re.match(sc.text, word.end())
    if not duration:
        return None
    if word.group().lower() in ("media", "medio"):
        return Core(pos, word.end(), 0.5, from_words=True, rule="words")  # "media hora"
    _, kinds = sc.qualifiers_before(pos)
    if not kinds - {"range"} and sc.lex.duration_unit(duration.group().strip())[1] == 1:
        return None
    return Core(pos, word.end(), 1.0, from_words=True, rule="words")


def word_anchor_core(sc: "Scanner", pos: int) -> Core | None:
    """At a number word: a fraction or collective first ('dos tercios',
    'una docena'), else the number the words say."""
    return fraction_core(sc, pos) or over_core(sc, pos) or collective_core(sc, pos) or word_core(sc, pos) or one_unit(sc, pos)


def core_anywhere(sc: "Scanner", pos: int) -> Core | None:
    """The second number of a range, in digits or words."""
    if sc.text[pos : pos + 1].isdigit():
        return digit_core(sc, pos)
    return word_core(sc, pos)

