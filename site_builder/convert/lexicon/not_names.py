"""Capitalised words that start sentences or headings and are not names.

General English only: a word that is there only because of one case belongs in that case's ``case.yaml``.
"""

from __future__ import annotations

from ._data import words as _words

# Words of a page's headings and furniture ("Read More", "Watch", "Photo"): no name where a heading starts, but
# some are surnames too ("Karen Read"), so after a first name they are kept (names.py checks the position).
HEADING_WORDS = _words("""Breaking Exclusive Update Watch Read More Related Latest Photo Video Opinion Analysis Editorial
    Editor Editors Note Copyright Key Points""")

# Capitalised words that start sentences or headings and are not names.
NOT_NAMES = _words(
    """The A An In On At After Before When While If As But And Or So Yet Still Also Then Thus Therefore However
    Meanwhile Additionally Moreover Furthermore Although Though Because Since Until Unless Once During Despite
    According Under Over Through From To For With Without Within Among Between Into About Against Per Via This
    That These Those There Here His Her Their Its Our Your My We They He She It I You One Two Three Four Five
    Six Seven Eight Nine Ten Some Many Most All Both Each Every Several Few Other Another Such No Not Nor
    What Who Whom Whose Which Where Why How Why Yes Sometimes Suddenly Later Earlier Now Today Yesterday Tomorrow
    Last Next Just Only Even Instead Indeed Nearly Almost Cameras Filming Through Thank Thanks Everyone Nobody
    Obviously Honestly Using Like Unlike Amid Following Asked Speaking Reporting Prosecutors Police Officials
    Authorities Investigators Jurors Lawyers Attorneys Sources Insiders Critics Fans Viewers Experts Residents
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec God Christmas Easter
    Western Republican Republicans Democrat Democrats Democratic Christian Muslim Jewish Catholic English Spanish
    American Americans British French German Mexican Russian Chinese Hollywood Oscar Oscars Emmy Emmys Grammy
    Internet Twitter Facebook Instagram TikTok YouTube Netflix Google Amazon Apple Max Hulu Zoom X
    Whether Neither Either Whereas Wherever Whenever Whatever Whoever Whichever Lest Upon Toward Towards Across
    Along Around Behind Beyond Besides Throughout Except Regardless Notwithstanding Otherwise Nonetheless
    Nevertheless Likewise Similarly Accordingly Consequently Ultimately Eventually Finally Initially Originally
    Currently Recently Previously Already Perhaps Maybe Certainly Clearly Apparently Reportedly Allegedly Notably
    Specifically Separately Any None Nothing Everything Something Anyone Someone Everybody Somebody Anybody
    Never Much Less Least Fewer Half Numerous Dozens Hundreds Thousands Millions Is Are Was Were Did Does
    Do Has Have Had Could Would Should Must Might Shall Let Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth""") | HEADING_WORDS
