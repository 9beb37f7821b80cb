"""Presidio with only a CPR recognizer, as the dense-text baseline (run by scanner_dense.py).

Run with a Python that has presidio-analyzer (it is not a borgerpost dependency):
    python3 -m venv /tmp/presidio && /tmp/presidio/bin/pip install presidio-analyzer
The analyzer engine as Presidio is used, with one PatternRecognizer for CPR numbers and
spaCy's blank Danish pipeline (tokenisation only, the lightest NLP engine Presidio takes,
so no model is downloaded). `--recognizer-only` calls the recognizer directly instead.
Reads JSON lines {"id", "text"} and writes one line of findings per input.
"""

import json
import sys

from presidio_analyzer import AnalyzerEngine, Pattern, PatternRecognizer, RecognizerRegistry
from presidio_analyzer.nlp_engine import SpacyNlpEngine

CPR = PatternRecognizer(
    supported_entity="DK_CPR",
    supported_language="da",
    patterns=[Pattern("cpr", r"\b(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}[- ]?\d{4}\b", 0.5)],
    context=["cpr", "cpr-nr", "personnummer"],
)


class BlankDanish(SpacyNlpEngine):
    def load(self) -> None:
        import spacy

        self.nlp = {"da": spacy.blank("da")}


def analyzer():
    if "--recognizer-only" in sys.argv:
        return lambda text: CPR.analyze(text, entities=["DK_CPR"])
    nlp = BlankDanish(models=[{"lang_code": "da", "model_name": "blank"}])
    nlp.load()
    registry = RecognizerRegistry(supported_languages=["da"])
    registry.add_recognizer(CPR)
    engine = AnalyzerEngine(registry=registry, nlp_engine=nlp, supported_languages=["da"])
    return lambda text: engine.analyze(text, language="da")


def main() -> None:
    analyze = analyzer()
    out = sys.stdout
    with open(sys.argv[1], encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            found = [
                {"start": r.start, "end": r.end, "score": r.score} for r in analyze(record["text"])
            ]
            out.write(json.dumps({"id": record.get("id"), "findings": found}) + "\n")


if __name__ == "__main__":
    main()
