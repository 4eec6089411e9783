<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
    <context>
        <name>CellInput</name>
        <message>
            <source>此格填写金额，可含小数，不能为负数。</source>
            <translation>This cell takes an amount: decimals allowed, not negative.</translation>
        </message>
        <message>
            <source>此格填写整数，可为负数。</source>
            <translation>This cell takes a whole number, which may be negative.</translation>
        </message>
        <message>
            <source>此格只能填写不小于 0 的整数。</source>
            <translation>This cell takes a whole number of 0 or more.</translation>
        </message>
        <message>
            <source>“%1”不是数字。</source>
            <translation>“%1” is not a number. </translation>
        </message>
        <message>
            <source>此格不能为负数。</source>
            <translation>This cell cannot be negative. </translation>
        </message>
        <message>
            <source>此格不能有小数。</source>
            <translation>This cell cannot have decimals. </translation>
        </message>
        <message>
            <source>数值过大（超过 %1 位）。</source>
            <translation>Number too large (more than %1 digits).</translation>
        </message>
        <message>
            <source>小数位数过多（最多 %1 位）。</source>
            <translation>Too many decimals (at most %1).</translation>
        </message>
        <message>
            <source>不能输入“%1”。</source>
            <translation>“%1” cannot be typed here. </translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <source>正在导出…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <source>文件已存在</source>
            <translation>File exists</translation>
        </message>
        <message>
            <source>%1 已存在，要替换它吗？</source>
            <translation>%1 already exists. Replace it?</translation>
        </message>
        <message>
            <source>未导出。</source>
            <translation>Not exported.</translation>
        </message>
        <message>
            <source>导出失败：%1</source>
            <translation>Export failed: %1</translation>
        </message>
        <message>
            <source>导出失败</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>导出Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <source>已导出：%1</source>
            <translation>Exported: %1</translation>
        </message>
        <message>
            <source>导出汇总</source>
            <translation>Export summary</translation>
        </message>
        <message>
            <source>年报汇总</source>
            <translation>annual-reports-summary</translation>
        </message>
        <message>
            <source>已导出汇总：%1</source>
            <translation>Summary exported: %1</translation>
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <source>在原文中查找</source>
            <translation>Find in the source text</translation>
        </message>
        <message>
            <source>上一个 (Shift+F3)</source>
            <translation>Previous (Shift+F3)</translation>
        </message>
        <message>
            <source>下一个 (F3)</source>
            <translation>Next (F3)</translation>
        </message>
        <message>
            <source>关闭 (Esc)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <source>未找到</source>
            <translation>Not found</translation>
        </message>
    </context>
    <context>
        <name>FindingsModel</name>
        <message>
            <source>错误</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>警告</source>
            <translation>Warning</translation>
        </message>
        <message>
            <source>级别</source>
            <translation>Severity</translation>
        </message>
        <message>
            <source>问题</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>位置</source>
            <translation>Location</translation>
        </message>
    </context>
    <context>
        <name>FormTableModel</name>
        <message>
            <source>已修改：识别值 %1，现为 %2</source>
            <translation>Edited: recognized %1, now %2</translation>
        </message>
        <message>
            <source>空白（文中无数字，合计时按 0 计）</source>
            <translation>Blank (no number in the document; counts as 0 in sums)</translation>
        </message>
        <message>
            <source>原文：%1</source>
            <translation>Source text: %1</translation>
        </message>
        <message>
            <source>推定：%1</source>
            <translation>Inferred: %1</translation>
        </message>
        <message>
            <source>&lt;b&gt;可能的错误所在&lt;/b&gt;，按勾稽关系应为 %1</source>
            <translation>&lt;b&gt;Likely mistake&lt;/b&gt;: the relations imply %1</translation>
        </message>
        <message>
            <source>可能的错误所在之一（不唯一）</source>
            <translation>One of several possible mistakes (not unique)</translation>
        </message>
        <message>
            <source>错误</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>警告</source>
            <translation>Warning</translation>
        </message>
        <message>
            <source>空白</source>
            <translation>blank</translation>
        </message>
    </context>
    <context>
        <name>FormTableView</name>
        <message numerus="yes">
            <source>粘贴 %n 格</source>
            <translation>
                <numerusform>Paste %n cell</numerusform>
                <numerusform>Paste %n cells</numerusform>
            </translation>
        </message>
        <message>
            <source>已粘贴 %1 格；%2 个数值落在表格的数字格之外，未粘贴。</source>
            <translation>Pasted %1 cells; %2 values fell outside the table's number cells and were not pasted.</translation>
        </message>
        <message numerus="yes">
            <source>已粘贴 %n 格。</source>
            <translation>
                <numerusform>Pasted %n cell.</numerusform>
                <numerusform>Pasted %n cells.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>清空 %n 格</source>
            <translation>
                <numerusform>Clear %n cell</numerusform>
                <numerusform>Clear %n cells</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Help</name>
        <message>
            <source>快捷键一览</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>编辑单元格</source>
            <translation>Edit a cell</translation>
        </message>
        <message>
            <source>直接输入数字 / F2 / Enter</source>
            <translation>Type a number / F2 / Enter</translation>
        </message>
        <message>
            <source>确认并转到下一行</source>
            <translation>Confirm and move down</translation>
        </message>
        <message>
            <source>取消编辑</source>
            <translation>Cancel editing</translation>
        </message>
        <message>
            <source>确认并转到右侧单元格</source>
            <translation>Confirm and move right</translation>
        </message>
        <message>
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>快捷键</source>
            <translation>Shortcut</translation>
        </message>
        <message>
            <source>关于 gkdesk</source>
            <translation>About gkdesk</translation>
        </message>
        <message>
            <source>gkdesk %1 — 政府信息公开工作年度报告审核工具。&lt;br&gt;识别表二、表三、表四，核对勾稽关系和正文表述，离线运行，不联网。</source>
            <translation>gkdesk %1 — review desk for government information disclosure annual reports.&lt;br&gt;Recognizes tables 2, 3 and 4, checks their relations and the narrative; works offline, never uses the network.</translation>
        </message>
        <message>
            <source>许可协议：MIT License（随程序附带的 LICENSE 文件）</source>
            <translation>License: MIT License (see the LICENSE file shipped with the program)</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>政府信息公开年报审核</source>
            <translation>Annual Report Review</translation>
        </message>
        <message>
            <source>报告列表</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>政府信息公开工作年度报告审核</source>
            <translation>Government Information Disclosure Annual Report Review</translation>
        </message>
        <message>
            <source>打开报告文件或文件夹，也可以把文件拖到这里。</source>
            <translation>Open report files or a folder, or drop files here.</translation>
        </message>
        <message>
            <source>打开报告…</source>
            <translation>Open Reports…</translation>
        </message>
        <message>
            <source>打开文件夹…</source>
            <translation>Open Folder…</translation>
        </message>
        <message>
            <source>打开示例报告</source>
            <translation>Open Sample Report</translation>
        </message>
        <message>
            <source>导出Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
        <message>
            <source>把当前报告的三张表导出为官方格式的Excel</source>
            <translation>Export the three tables of this report to Excel in the official layout</translation>
        </message>
        <message>
            <source>导出汇总…</source>
            <translation>Export Summary…</translation>
        </message>
        <message>
            <source>把报告列表中的所有报告汇总导出为Excel</source>
            <translation>Export every report in the list to one summary workbook</translation>
        </message>
        <message>
            <source>关闭报告</source>
            <translation>Close Report</translation>
        </message>
        <message>
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>撤销</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>重做</source>
            <translation>Redo</translation>
        </message>
        <message>
            <source>复制</source>
            <translation>Copy</translation>
        </message>
        <message>
            <source>粘贴</source>
            <translation>Paste</translation>
        </message>
        <message>
            <source>粘贴从Excel/WPS复制的数据块</source>
            <translation>Paste a block copied from Excel/WPS</translation>
        </message>
        <message>
            <source>清空所选单元格</source>
            <translation>Clear Selected Cells</translation>
        </message>
        <message>
            <source>恢复识别值</source>
            <translation>Restore Recognized Value</translation>
        </message>
        <message>
            <source>把所选单元格恢复为从原文识别的数值</source>
            <translation>Put back the values recognized in the source text</translation>
        </message>
        <message>
            <source>在原文中查找…</source>
            <translation>Find in Source…</translation>
        </message>
        <message>
            <source>查找下一个</source>
            <translation>Find Next</translation>
        </message>
        <message>
            <source>查找上一个</source>
            <translation>Find Previous</translation>
        </message>
        <message>
            <source>下一个问题</source>
            <translation>Next Problem</translation>
        </message>
        <message>
            <source>上一个问题</source>
            <translation>Previous Problem</translation>
        </message>
        <message>
            <source>转到%1</source>
            <translation>Go to %1</translation>
        </message>
        <message>
            <source>转到原文</source>
            <translation>Go to Source Text</translation>
        </message>
        <message>
            <source>转到表格</source>
            <translation>Go to Table</translation>
        </message>
        <message>
            <source>转到问题列表</source>
            <translation>Go to Problems</translation>
        </message>
        <message>
            <source>转到报告列表</source>
            <translation>Go to Report List</translation>
        </message>
        <message>
            <source>标记为已复核</source>
            <translation>Mark as Reviewed</translation>
        </message>
        <message>
            <source>复核完毕后标记（再按一次取消）</source>
            <translation>Mark when the review is done (press again to unmark)</translation>
        </message>
        <message>
            <source>下一份报告</source>
            <translation>Next Report</translation>
        </message>
        <message>
            <source>上一份报告</source>
            <translation>Previous Report</translation>
        </message>
        <message>
            <source>显示报告列表</source>
            <translation>Show Report List</translation>
        </message>
        <message>
            <source>快捷键一览</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>关于</source>
            <translation>About</translation>
        </message>
        <message>
            <source>工具栏</source>
            <translation>Toolbar</translation>
        </message>
        <message>
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>最近打开</source>
            <translation>Open Recent</translation>
        </message>
        <message>
            <source>编辑(&amp;E)</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>转到(&amp;G)</source>
            <translation>&amp;Go</translation>
        </message>
        <message>
            <source>复核(&amp;R)</source>
            <translation>&amp;Review</translation>
        </message>
        <message>
            <source>设置(&amp;S)</source>
            <translation>&amp;Settings</translation>
        </message>
        <message>
            <source>界面语言</source>
            <translation>Interface Language</translation>
        </message>
        <message>
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>最近打开：</source>
            <translation>Recent:</translation>
        </message>
        <message>
            <source>打开报告</source>
            <translation>Open Reports</translation>
        </message>
        <message>
            <source>报告文件 (%1);;所有文件 (*)</source>
            <translation>Report files (%1);;All files (*)</translation>
        </message>
        <message>
            <source>打开文件夹</source>
            <translation>Open Folder</translation>
        </message>
        <message>
            <source>找不到示例报告。</source>
            <translation>The sample report is missing.</translation>
        </message>
        <message>
            <source>正在读取…</source>
            <translation>Reading…</translation>
        </message>
        <message>
            <source>所选位置没有可打开的报告文件。</source>
            <translation>No report files there.</translation>
        </message>
        <message numerus="yes">
            <source>已读取 %n 份报告。</source>
            <translation>
                <numerusform>Read %n report.</numerusform>
                <numerusform>Read %n reports.</numerusform>
            </translation>
        </message>
        <message>
            <source>已取消读取。</source>
            <translation>Reading cancelled.</translation>
        </message>
        <message>
            <source>读取报告时出错：%1</source>
            <translation>Error while reading reports: %1</translation>
        </message>
        <message>
            <source>正在读取 %1</source>
            <translation>Reading %1</translation>
        </message>
        <message>
            <source>程序内部错误：%1</source>
            <translation>Internal error: %1</translation>
        </message>
        <message>
            <source>无法打开 %1：%2</source>
            <translation>Cannot open %1: %2</translation>
        </message>
        <message numerus="yes">
            <source>报告文本自上次复核后已改变。上次的 %n 处修改未自动应用，已保留，可选择应用或搁置。</source>
            <translation>
                <numerusform>The report text changed since the last review. The earlier edit (%n) was not applied; it is kept: apply it or set it aside.</numerusform>
                <numerusform>The report text changed since the last review. The %n earlier edits were not applied; they are kept: apply them or set them aside.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>有 %n 处此前的修改尚未应用。</source>
            <translation>
                <numerusform>%n earlier edit is not applied yet.</numerusform>
                <numerusform>%n earlier edits are not applied yet.</numerusform>
            </translation>
        </message>
        <message>
            <source>应用上次的修改(&amp;A)</source>
            <translation>&amp;Apply Earlier Edits</translation>
        </message>
        <message>
            <source>搁置，保留记录(&amp;D)</source>
            <translation>Set Asi&amp;de (keep record)</translation>
        </message>
        <message>
            <source>（未能改名，请手动备份该文件）</source>
            <translation>(could not rename it: please back it up by hand)</translation>
        </message>
        <message>
            <source>修改记录文件 %1 已损坏，无法读取，已改名保存为 %2。报告按识别结果打开，此前的修改未恢复。</source>
            <translation>The edit record %1 is damaged and cannot be read; it was renamed to %2. The report opens as recognized, without earlier edits.</translation>
        </message>
        <message numerus="yes">
            <source>已恢复上次的 %n 处修改。</source>
            <translation>
                <numerusform>Restored %n earlier edit.</numerusform>
                <numerusform>Restored %n earlier edits.</numerusform>
            </translation>
        </message>
        <message>
            <source>问题（%1）</source>
            <translation>Problems (%1)</translation>
        </message>
        <message>
            <source>问题：无</source>
            <translation>Problems: none</translation>
        </message>
        <message>
            <source>编码：%1</source>
            <translation>Encoding: %1</translation>
        </message>
        <message>
            <source>未识别</source>
            <translation>unknown</translation>
        </message>
        <message>
            <source>（混用）</source>
            <translation> (mixed)</translation>
        </message>
        <message>
            <source>格式：%1</source>
            <translation>Format: %1</translation>
        </message>
        <message>
            <source>错误 %1 · 警告 %2 · 修改 %3</source>
            <translation>Errors %1 · Warnings %2 · Edits %3</translation>
        </message>
        <message>
            <source>此格的数值不是从原文读出的（原文中没有对应文字）。</source>
            <translation>This value was not read from the source text (no text stands for it).</translation>
        </message>
        <message>
            <source>没有问题。</source>
            <translation>No problems.</translation>
        </message>
        <message>
            <source>所选单元格没有修改，无需恢复。</source>
            <translation>The selected cells are not edited; nothing to restore.</translation>
        </message>
        <message numerus="yes">
            <source>已恢复 %n 格的识别值。</source>
            <translation>
                <numerusform>Restored the recognized value of %n cell.</numerusform>
                <numerusform>Restored the recognized values of %n cells.</numerusform>
            </translation>
        </message>
        <message>
            <source>已标记为已复核。</source>
            <translation>Marked as reviewed.</translation>
        </message>
        <message>
            <source>已取消“已复核”标记。</source>
            <translation>No longer marked as reviewed.</translation>
        </message>
        <message numerus="yes">
            <source>已应用上次的 %n 处修改。</source>
            <translation>
                <numerusform>Applied %n earlier edit.</numerusform>
                <numerusform>Applied %n earlier edits.</numerusform>
            </translation>
        </message>
        <message>
            <source>上次的修改已搁置，记录仍保存在修改记录文件中。</source>
            <translation>The earlier edits were set aside; their record stays in the edit record file.</translation>
        </message>
        <message>
            <source>修改记录已保存。</source>
            <translation>Edit record saved.</translation>
        </message>
        <message>
            <source>清除列表</source>
            <translation>Clear List</translation>
        </message>
        <message>
            <source>（无）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>界面语言将在重新启动程序后切换。</source>
            <translation>The interface language changes after a restart.</translation>
        </message>
        <message>
            <source>修改尚未保存</source>
            <translation>Edits not saved</translation>
        </message>
        <message>
            <source>以下报告的修改记录未能保存，退出后这些修改将丢失：
%1

仍要退出吗？</source>
            <translation>The edits of these reports could not be saved and will be lost on quitting:
%1

Quit anyway?</translation>
        </message>
    </context>
    <context>
        <name>MessageBar</name>
        <message>
            <source>关闭此提示</source>
            <translation>Close this message</translation>
        </message>
    </context>
    <context>
        <name>Names</name>
        <message>
            <source>%1 等 %2 格</source>
            <translation>%1 and others (%2 cells)</translation>
        </message>
        <message>
            <source>第 %1 行</source>
            <translation>line %1</translation>
        </message>
    </context>
    <context>
        <name>Paste</name>
        <message>
            <source>未粘贴：%1 %2</source>
            <translation>Nothing pasted: %1 %2</translation>
        </message>
    </context>
    <context>
        <name>QueueModel</name>
        <message>
            <source>未复核</source>
            <translation>Not reviewed</translation>
        </message>
        <message>
            <source>有错误</source>
            <translation>Errors</translation>
        </message>
        <message>
            <source>有警告</source>
            <translation>Warnings</translation>
        </message>
        <message>
            <source>已通过</source>
            <translation>Passed</translation>
        </message>
        <message>
            <source>已复核</source>
            <translation>Reviewed</translation>
        </message>
        <message>
            <source>无法打开</source>
            <translation>Cannot open</translation>
        </message>
        <message>
            <source>错误 %1 · 警告 %2 · 修改 %3</source>
            <translation>Errors %1 · Warnings %2 · Edits %3</translation>
        </message>
    </context>
    <context>
        <name>ReviewDocument</name>
        <message numerus="yes">
            <source>修改 %n 格</source>
            <translation>
                <numerusform>Edit %n cell</numerusform>
                <numerusform>Edit %n cells</numerusform>
            </translation>
        </message>
        <message>
            <source>恢复识别值</source>
            <translation>Restore Recognized Value</translation>
        </message>
        <message>
            <source>应用上次的修改</source>
            <translation>Apply Earlier Edits</translation>
        </message>
    </context>
    <context>
        <name>TablePage</name>
        <message>
            <source>%1年格式</source>
            <translation>%1 format</translation>
        </message>
        <message>
            <source>报告中未找到%1。</source>
            <translation>%1 was not found in the report.</translation>
        </message>
    </context>
</TS>
