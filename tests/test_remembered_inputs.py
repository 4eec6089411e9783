"""The shortcuts that spare the recognizer repeated work give the answers of the work itself."""
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from gkdesk.parsing.recent import remember_recent
from gkdesk.parsing.tokens import _PAGE_NUMBER, is_page_number
from gkdesk.schema import squeeze, squeezed_offset

# Characters that normalize to none (white space, markup), to one, and to several (㍿, ﬁ).
_TEXT = st.text(alphabet=st.sampled_from("表三一、 \t\n*|ａ１（）“”㍿ﬁ\u3000中華x0"), max_size=60)


@given(_TEXT)
def test_squeezed_offset_is_the_squeezed_index(text):
    squeezed, index = squeeze(text)
    assert [squeezed_offset(text, i) for i in range(len(squeezed))] == index


def test_remember_recent_takes_the_very_same_arguments_only():
    calls = []

    @remember_recent(2)
    def runs(text, tokens):
        calls.append((text, list(tokens)))
        return [len(text), len(tokens)]

    text, tokens = "ab", [1, 2]
    assert runs(text, tokens) == [2, 2] and runs(text, tokens) == [2, 2]
    assert len(calls) == 1  # the same objects: remembered
    assert runs(text, [1, 2]) == [2, 2] and len(calls) == 2  # an equal list is another list
    tokens.append(3)
    assert runs(text, tokens) == [2, 3] and len(calls) == 3  # a list that changed length
    runs("c", tokens), runs("d", tokens)  # two more calls push the first ones out
    assert runs(text, tokens) == [2, 3] and len(calls) == 6


@given(st.text(alphabet=st.sampled_from("第页共本年件0１2 /／-－—\t\u3000无"), max_size=30))
def test_page_number_test_skips_normalizing_only_where_no_page_number_can_be(text):
    assert is_page_number(text) == bool(_PAGE_NUMBER.match(unicodedata.normalize("NFKC", text).strip()))
