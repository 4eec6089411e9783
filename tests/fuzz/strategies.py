"""Hypothesis strategies for the robustness properties: noise, mutations, mixed encodings."""
from __future__ import annotations

from hypothesis import strategies as st

from .mutations import ENCODINGS, NUMBER_JUNK, ODD_CHARS, vocabulary
from .seeds import seed_texts

index = st.integers(min_value=0, max_value=1 << 20)

fragment = st.one_of(
    st.sampled_from(vocabulary()),
    st.sampled_from(NUMBER_JUNK),
    st.sampled_from(ODD_CHARS),
    st.integers(min_value=-10, max_value=10**7).map(str),
    st.text(max_size=12),
)
# Text that looks a little like a report: its words, numbers and separators in any order.
report_like_text = st.lists(
    st.one_of(fragment, st.sampled_from(["\n", "\t", " ", "  ", " | ", "\n\n", "、", "。"])), max_size=120
).map("".join)
noise = st.lists(fragment, min_size=1, max_size=4).map("".join)

mutation = st.one_of(
    st.tuples(st.just("delete"), index, index),
    st.tuples(st.just("duplicate"), index, index, index),
    st.tuples(st.just("swap"), index, index),
    st.tuples(st.just("shuffle"), index, index, index),
    st.tuples(st.just("insert_line"), index, noise),
    st.tuples(st.just("splice"), index, index, noise),
    st.tuples(st.just("junk_numbers"), index, st.sampled_from(NUMBER_JUNK)),
    st.tuples(st.just("join"), index, st.sampled_from(["", " ", "\t", "|"])),
    st.tuples(st.just("truncate"), index),
    st.tuples(st.just("crlf"), index),
)
mutations = st.lists(mutation, min_size=1, max_size=8)
seed_text = st.sampled_from(seed_texts())
encodings = st.lists(st.sampled_from(ENCODINGS), min_size=1, max_size=4)
cuts = st.lists(index, max_size=4)
