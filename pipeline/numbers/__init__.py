"""Spanish number recognition and normalisation (digits, words, units, dates)."""

from pipeline.numbers.recognizer import NUMBER_LABELS, NumberMatch, find_numbers

__all__ = ["NUMBER_LABELS", "NumberMatch", "find_numbers"]
