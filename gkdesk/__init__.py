"""gkdesk: review 政府信息公开工作年度报告 tables. This package (the core) never imports Qt."""

__version__ = "0.1.0"
