<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own texts that qtbase_zh_CN.qm (shipped with PySide6) leaves in English, found by
     tests/test_ui_review_items.py walking Qt's file, print and message dialogs. Loaded before
     qtbase_zh_CN (gkdesk.ui.i18n), so a later Qt that translates them itself changes nothing. -->
<TS version="2.1" language="zh_CN">
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>查找范围(&amp;L)：</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>文件类型(&amp;T)：</translation>
        </message>
    </context>
    <context>
        <name>QPrintSettingsOutput</name>
        <message>
            <source>Page &amp;Set:</source>
            <translation>页面集(&amp;S)：</translation>
        </message>
    </context>
</TS>
