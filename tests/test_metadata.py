from gkdesk.parsing import parse_text
from report_factory import render, values_for


def test_agency_and_year_from_a_two_line_title():
    report = parse_text(render("2021", values_for("2021"), "tabs", agency="某某区数据中心", year=2024))
    assert (report.agency, report.year, report.title_year) == ("某某区数据中心", 2024, 2024)


def test_title_cut_after_its_year_gives_agency_and_year():
    text = render("2021", values_for("2021"), "tabs", agency="某某区数据中心", year=2021)
    text = text.replace("某某区数据中心\n2021年政府信息公开工作年度报告", "某某区数据中心 2021 年度\n\n政府信息公开工作年度报告")
    report = parse_text(text)
    assert (report.agency, report.year) == ("某某区数据中心", 2021)


def test_statistics_period_is_read_apart_from_the_title_year():
    text = render("2021", values_for("2021"), "tabs", year=2023)
    text = text.replace("报告\n", "报告\n本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n", 1)
    report = parse_text(text)
    assert (report.title_year, report.period_year) == (2023, 2022)
