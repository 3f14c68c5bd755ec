"""Spanish number recognition and normalisation (digits, words, units, dates)."""

from pipeline.numbers.context import NumberContext, number_context
from pipeline.numbers.match import NUMBER_LABELS, NumberMatch
from pipeline.numbers.recognizer import find_numbers
from pipeline.numbers.units import rate_after

__all__ = ["NUMBER_LABELS", "NumberContext", "NumberMatch", "find_numbers", "number_context", "rate_after"]
