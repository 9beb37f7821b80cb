# The C module's interface (_kernel.c), for mypy and mypyc.
from collections.abc import Sequence

class Kernel:
    def __init__(
        self,
        words: dict[str, bytes],
        idf: bytes,
        weights: bytes,
        pairs: bytes,
        bias: Sequence[float],
    ) -> None: ...
    def score(self, text: str, /) -> tuple[int, list[float]]: ...
    def weigh(self, text: str, start: int, end: int, /) -> list[float]: ...
