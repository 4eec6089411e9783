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
            <source>汇总 %1/%2</source>
            <translation>Summary %1/%2</translation>
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
            <source>提示</source>
            <translation>Info</translation>
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
            <source>已核实</source>
            <translation>Verified</translation>
        </message>
        <message>
            <source>原文如此</source>
            <translation>As printed</translation>
        </message>
        <message>
            <source>不适用</source>
            <translation>Not applicable</translation>
        </message>
        <message>
            <source>：</source>
            <translation>: </translation>
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
            <source>已核对：%1 于 %2 对照原文确认</source>
            <translation>Verified against the original by %1 at %2</translation>
        </message>
        <message>
            <source>推定：%1</source>
            <translation>Inferred: %1</translation>
        </message>
        <message>
            <source>候选值：%1</source>
            <translation>Alternatives: %1</translation>
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
            <source>核对(&amp;V)</source>
            <translation>&amp;Verify</translation>
        </message>
        <message>
            <source>视图(&amp;W)</source>
            <translation>Vie&amp;w</translation>
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
            <source>已取消打开。</source>
            <translation>Opening cancelled.</translation>
        </message>
        <message>
            <source>正在打开 %1</source>
            <translation>Opening %1</translation>
        </message>
        <message>
            <source>正在打开 %1…</source>
            <translation>Opening %1…</translation>
        </message>
        <message>
            <source>读取和识别…</source>
            <translation>Reading and recognizing…</translation>
        </message>
        <message>
            <source>恢复修改记录…</source>
            <translation>Restoring saved edits…</translation>
        </message>
        <message>
            <source>检查…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>准备原文…</source>
            <translation>Preparing the source text…</translation>
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
            <source>问题（%1，另有 %2 条已排除）</source>
            <translation>Problems (%1, %2 more dismissed)</translation>
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
            <source>显示未核对的表述（%1）</source>
            <translation>Show unchecked statements (%1)</translation>
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
            <source>未标记为已复核。</source>
            <translation>Not marked as reviewed.</translation>
        </message>
        <message>
            <source>已标记为已复核。</source>
            <translation>Marked as reviewed.</translation>
        </message>
        <message>
            <source>已取消“已复核”标记。</source>
            <translation>No longer marked as reviewed.</translation>
        </message>
        <message>
            <source>仍有未处理的错误</source>
            <translation>Errors still open</translation>
        </message>
        <message numerus="yes">
            <source>本报告还有 %n 个错误未核实或排除。仍要标记为已复核吗？</source>
            <translation>
                <numerusform>This report still has %n error neither verified nor dismissed. Mark it as reviewed anyway?</numerusform>
                <numerusform>This report still has %n errors neither verified nor dismissed. Mark it as reviewed anyway?</numerusform>
            </translation>
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
        <name>PageView</name>
        <message>
            <source>无法显示第 %1 页：%2</source>
            <translation>Cannot show page %1: %2</translation>
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
        <name>Printing</name>
        <message>
            <source>打印预览…</source>
            <translation>Print Preview…</translation>
        </message>
        <message>
            <source>按官方格式预览三张表的打印效果</source>
            <translation>Preview the three tables as they print in the official layout</translation>
        </message>
        <message>
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>按官方格式打印三张表</source>
            <translation>Print the three tables in the official layout</translation>
        </message>
        <message>
            <source>导出PDF…</source>
            <translation>Export PDF…</translation>
        </message>
        <message>
            <source>把三张表按官方格式导出为PDF</source>
            <translation>Export the three tables in the official layout as PDF</translation>
        </message>
        <message>
            <source>打印预览 — %1</source>
            <translation>Print Preview — %1</translation>
        </message>
        <message>
            <source>打印</source>
            <translation>Print</translation>
        </message>
        <message>
            <source>已送去打印。</source>
            <translation>Sent to the printer.</translation>
        </message>
        <message>
            <source>导出PDF</source>
            <translation>Export PDF</translation>
        </message>
        <message>
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>未导出：%1</source>
            <translation>Not exported: %1</translation>
        </message>
        <message>
            <source>未导出：无法写入 %1</source>
            <translation>Not exported: cannot write %1</translation>
        </message>
        <message>
            <source>已导出PDF：%1</source>
            <translation>PDF exported: %1</translation>
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
            <source>修改后待复核</source>
            <translation>Changed after review</translation>
        </message>
        <message>
            <source>无法打开</source>
            <translation>Cannot open</translation>
        </message>
        <message>
            <source>文件</source>
            <translation>File</translation>
        </message>
        <message>
            <source>单位</source>
            <translation>Agency</translation>
        </message>
        <message>
            <source>年度</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>错误</source>
            <translation>Errors</translation>
        </message>
        <message>
            <source>警告</source>
            <translation>Warnings</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>错误 %1 · 警告 %2 · 修改 %3</source>
            <translation>Errors %1 · Warnings %2 · Edits %3</translation>
        </message>
    </context>
    <context>
        <name>ReportList</name>
        <message>
            <source>筛选：单位、年度、文件名…</source>
            <translation>Filter: agency, year, file name…</translation>
        </message>
        <message>
            <source>全部状态</source>
            <translation>All statuses</translation>
        </message>
    </context>
    <context>
        <name>Review</name>
        <message>
            <source>标记为“%1”</source>
            <translation>Mark as "%1"</translation>
        </message>
        <message>
            <source>%1

说明（可不填）：</source>
            <translation>%1

Note (optional):</translation>
        </message>
        <message>
            <source>问题已核实…</source>
            <translation>Finding verified…</translation>
        </message>
        <message>
            <source>确认所选问题属实（仍计入错误、警告数）</source>
            <translation>Confirm the selected finding (it still counts)</translation>
        </message>
        <message>
            <source>排除：原文如此…</source>
            <translation>Dismiss: as printed…</translation>
        </message>
        <message>
            <source>原文如此：排除所选问题，不再计数</source>
            <translation>As printed: dismiss the selected finding, no longer counted</translation>
        </message>
        <message>
            <source>排除：不适用…</source>
            <translation>Dismiss: not applicable…</translation>
        </message>
        <message>
            <source>不适用：排除所选问题，不再计数</source>
            <translation>Not applicable: dismiss the selected finding, no longer counted</translation>
        </message>
        <message>
            <source>撤销对问题的处理</source>
            <translation>Withdraw the decision on the finding</translation>
        </message>
        <message>
            <source>把所选问题建议的数值填入单元格</source>
            <translation>Put the value the selected finding suggests into its cell</translation>
        </message>
        <message>
            <source>请先在问题列表中选择一个问题。</source>
            <translation>Select a finding in the problems list first.</translation>
        </message>
        <message>
            <source>所选问题没有处理记录。</source>
            <translation>The selected finding has no decision.</translation>
        </message>
        <message>
            <source>已撤销对问题的处理。</source>
            <translation>Decision withdrawn.</translation>
        </message>
        <message>
            <source>问题已标记为“%1”。</source>
            <translation>Finding marked as "%1".</translation>
        </message>
        <message>
            <source>所选问题没有唯一的建议值。</source>
            <translation>The selected finding suggests no single value.</translation>
        </message>
        <message>
            <source>采用建议值</source>
            <translation>Accept suggested value</translation>
        </message>
        <message>
            <source>已采用建议值 %1。</source>
            <translation>Accepted the suggested value %1.</translation>
        </message>
        <message>
            <source>单元格已是建议值。</source>
            <translation>The cell already has the suggested value.</translation>
        </message>
        <message>
            <source>写给报告单位的审核意见，随修改记录自动保存，并导出到工作簿的“审核意见”表。</source>
            <translation>The review opinion for the reporting agency; saved with the corrections and exported to the workbook's 审核意见 sheet.</translation>
        </message>
        <message>
            <source>尚未填写。点击“生成草稿”，按未排除的问题生成一份草稿。</source>
            <translation>Not written yet. Click "Draft" to draft one from the findings not dismissed.</translation>
        </message>
        <message>
            <source>生成草稿</source>
            <translation>Draft</translation>
        </message>
        <message>
            <source>复制</source>
            <translation>Copy</translation>
        </message>
        <message>
            <source>审核意见</source>
            <translation>Review opinion</translation>
        </message>
        <message>
            <source>审核意见已复制到剪贴板。</source>
            <translation>Review opinion copied to the clipboard.</translation>
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
            <source>撤销对问题的处理</source>
            <translation>Withdraw the decision on the finding</translation>
        </message>
        <message>
            <source>问题标记为“%1”</source>
            <translation>Finding marked as "%1"</translation>
        </message>
        <message>
            <source>应用上次的修改</source>
            <translation>Apply Earlier Edits</translation>
        </message>
    </context>
    <context>
        <name>ReviewSession</name>
        <message>
            <source>程序内部错误：%1</source>
            <translation>Internal error: %1</translation>
        </message>
    </context>
    <context>
        <name>TablePage</name>
        <message>
            <source>%1年格式</source>
            <translation>%1 format</translation>
        </message>
        <message>
            <source>%1　（%2）</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>报告中未找到%1。</source>
            <translation>%1 was not found in the report.</translation>
        </message>
    </context>
    <context>
        <name>TwoEditors</name>
        <message>
            <source>接管编辑(&amp;T)</source>
            <translation>&amp;Take over editing</translation>
        </message>
        <message>
            <source>已接管编辑，此后的修改会保存。</source>
            <translation>Editing taken over; changes from now on are saved.</translation>
        </message>
        <message>
            <source>%1：另一方为 %2，本窗口为 %3</source>
            <translation>%1: the other editor has %2, this window %3</translation>
        </message>
        <message>
            <source>……另有 %1 处</source>
            <translation>… and %1 more</translation>
        </message>
        <message>
            <source>修改冲突</source>
            <translation>Conflicting changes</translation>
        </message>
        <message>
            <source>自本窗口读取以来，另一窗口（或另一位审核人）修改了相同的单元格，且数值不同。保留哪一方的修改？</source>
            <translation>Since this window read the report, another window (or another reviewer) changed the same cells to different values. Whose changes should be kept?</translation>
        </message>
        <message>
            <source>保留本窗口的修改(&amp;M)</source>
            <translation>Keep &amp;mine (this window)</translation>
        </message>
        <message>
            <source>采用另一方的修改(&amp;O)</source>
            <translation>Take the &amp;other editor's</translation>
        </message>
        <message>
            <source>已保留本窗口的修改。</source>
            <translation>This window's changes were kept.</translation>
        </message>
        <message>
            <source>已采用另一方的修改。</source>
            <translation>The other editor's changes were taken.</translation>
        </message>
        <message>
            <source>空白</source>
            <translation>blank</translation>
        </message>
    </context>
    <context>
        <name>Verify</name>
        <message>
            <source>下一个待核对数值</source>
            <translation>Next value to verify</translation>
        </message>
        <message>
            <source>转到下一个推定、把握不大或有候选值的数值</source>
            <translation>Go to the next inferred, unsure or ambiguous value</translation>
        </message>
        <message>
            <source>上一个待核对数值</source>
            <translation>Previous value to verify</translation>
        </message>
        <message>
            <source>数值核对无误</source>
            <translation>Value verified</translation>
        </message>
        <message>
            <source>对照原文确认当前单元格的数值，记入修改记录</source>
            <translation>Confirm the current cell's value against the original; recorded in the audit trail</translation>
        </message>
        <message>
            <source>候选值…</source>
            <translation>Alternatives…</translation>
        </message>
        <message>
            <source>列出识别时的候选值，选一个填入</source>
            <translation>List the values the recognizer found possible and fill in one</translation>
        </message>
        <message>
            <source>原文页面 / 文字</source>
            <translation>Original page / text</translation>
        </message>
        <message>
            <source>在 PDF 原件页面和提取的文字之间切换</source>
            <translation>Switch between the PDF page and the extracted text</translation>
        </message>
        <message>
            <source>待核对 %1 个数值</source>
            <translation>%1 values to verify</translation>
        </message>
        <message>
            <source>没有待核对的数值。</source>
            <translation>No values to verify.</translation>
        </message>
        <message>
            <source>待核对：%1</source>
            <translation>To verify: %1</translation>
        </message>
        <message>
            <source>报告以只读方式打开，不能记录核对。</source>
            <translation>The report is open read-only: verifications cannot be recorded.</translation>
        </message>
        <message>
            <source>这个数值不需要核对（是在原文该处读出或已修改的）。</source>
            <translation>This value needs no verification (it was read in place or corrected).</translation>
        </message>
        <message>
            <source>核对数值</source>
            <translation>Verify value</translation>
        </message>
        <message>
            <source>已记录：数值核对无误。</source>
            <translation>Recorded: value verified.</translation>
        </message>
        <message>
            <source>识别时没有为这个单元格列出候选值。</source>
            <translation>The recognizer listed no alternatives for this cell.</translation>
        </message>
        <message>
            <source>空白</source>
            <translation>Blank</translation>
        </message>
        <message>
            <source>采用候选值</source>
            <translation>Use alternative</translation>
        </message>
        <message>
            <source>有待核对的数值</source>
            <translation>Values not yet verified</translation>
        </message>
        <message>
            <source>还有 %1 个推定或把握不大的数值没有对照原文核对。</source>
            <translation>%1 inferred or unsure values have not been verified against the original.</translation>
        </message>
        <message>
            <source>仍然导出</source>
            <translation>Export anyway</translation>
        </message>
        <message>
            <source>转到待核对数值</source>
            <translation>Go to the values to verify</translation>
        </message>
    </context>
    <context>
        <name>ViewTools</name>
        <message>
            <source>放大</source>
            <translation>Zoom in</translation>
        </message>
        <message>
            <source>缩小</source>
            <translation>Zoom out</translation>
        </message>
        <message>
            <source>恢复原始大小</source>
            <translation>Actual size</translation>
        </message>
        <message>
            <source>显示比例 %1%</source>
            <translation>Zoom %1%</translation>
        </message>
        <message>
            <source>求和：%1  计数：%2</source>
            <translation>Sum: %1  Count: %2</translation>
        </message>
    </context>
    <context>
        <name>schema</name>
        <message>
            <source>2021年格式</source>
            <translation>2021 format</translation>
        </message>
        <message>
            <source>国办公开办函〔2021〕30号</source>
            <translation>State Council General Office letter [2021] No. 30</translation>
        </message>
        <message>
            <source>表二</source>
            <translation>Table 2</translation>
        </message>
        <message>
            <source>主动公开政府信息情况</source>
            <translation>Proactive disclosure of government information</translation>
        </message>
        <message>
            <source>信息内容</source>
            <translation>Information item</translation>
        </message>
        <message>
            <source>第二十条第（一）项</source>
            <translation>Article 20 (1)</translation>
        </message>
        <message>
            <source>规章</source>
            <translation>Rules</translation>
        </message>
        <message>
            <source>本年制发件数</source>
            <translation>Issued this year</translation>
        </message>
        <message>
            <source>本年废止件数</source>
            <translation>Repealed this year</translation>
        </message>
        <message>
            <source>现行有效件数</source>
            <translation>Currently in force</translation>
        </message>
        <message>
            <source>行政规范性文件</source>
            <translation>Administrative normative documents</translation>
        </message>
        <message>
            <source>第二十条第（五）项</source>
            <translation>Article 20 (5)</translation>
        </message>
        <message>
            <source>行政许可</source>
            <translation>Administrative licensing</translation>
        </message>
        <message>
            <source>本年处理决定数量</source>
            <translation>Decisions this year</translation>
        </message>
        <message>
            <source>第二十条第（六）项</source>
            <translation>Article 20 (6)</translation>
        </message>
        <message>
            <source>行政处罚</source>
            <translation>Administrative penalties</translation>
        </message>
        <message>
            <source>行政强制</source>
            <translation>Administrative enforcement</translation>
        </message>
        <message>
            <source>第二十条第（八）项</source>
            <translation>Article 20 (8)</translation>
        </message>
        <message>
            <source>行政事业性收费</source>
            <translation>Administrative fees</translation>
        </message>
        <message>
            <source>本年收费金额（单位：万元）</source>
            <translation>Fees collected this year (10,000 yuan)</translation>
        </message>
        <message>
            <source>表三</source>
            <translation>Table 3</translation>
        </message>
        <message>
            <source>收到和处理政府信息公开申请情况</source>
            <translation>Disclosure requests received and handled</translation>
        </message>
        <message>
            <source>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</source>
            <translation>(In every column: item 1 + item 2 = item 3 + item 4)</translation>
        </message>
        <message>
            <source>一、本年新收政府信息公开申请数量</source>
            <translation>1. New disclosure requests received this year</translation>
        </message>
        <message>
            <source>申请人情况</source>
            <translation>Applicants</translation>
        </message>
        <message>
            <source>自然人</source>
            <translation>Natural persons</translation>
        </message>
        <message>
            <source>法人或其他组织</source>
            <translation>Legal persons or other organizations</translation>
        </message>
        <message>
            <source>商业企业</source>
            <translation>Businesses</translation>
        </message>
        <message>
            <source>科研机构</source>
            <translation>Research institutions</translation>
        </message>
        <message>
            <source>社会公益组织</source>
            <translation>Public-interest organizations</translation>
        </message>
        <message>
            <source>法律服务机构</source>
            <translation>Legal service providers</translation>
        </message>
        <message>
            <source>法人或其他组织·其他</source>
            <translation>Legal persons or other organizations·Other</translation>
        </message>
        <message>
            <source>其他</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>总计</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>二、上年结转政府信息公开申请数量</source>
            <translation>2. Requests carried over from last year</translation>
        </message>
        <message>
            <source>三、本年度办理结果</source>
            <translation>3. Outcomes this year</translation>
        </message>
        <message>
            <source>（一）予以公开</source>
            <translation>(1) Disclosed</translation>
        </message>
        <message>
            <source>（二）部分公开（区分处理的，只计这一情形，不计其他情形）</source>
            <translation>(2) Partly disclosed (a request handled in parts counts here only)</translation>
        </message>
        <message>
            <source>（三）不予公开</source>
            <translation>(3) Not disclosed</translation>
        </message>
        <message>
            <source>1.属于国家秘密</source>
            <translation>1. State secret</translation>
        </message>
        <message>
            <source>2.其他法律行政法规禁止公开</source>
            <translation>2. Barred by other laws or administrative regulations</translation>
        </message>
        <message>
            <source>3.危及“三安全一稳定”</source>
            <translation>3. Would endanger the “three securities and one stability”</translation>
        </message>
        <message>
            <source>4.保护第三方合法权益</source>
            <translation>4. Protecting third parties' lawful rights</translation>
        </message>
        <message>
            <source>5.属于三类内部事务信息</source>
            <translation>5. Internal affairs information (three kinds)</translation>
        </message>
        <message>
            <source>6.属于四类过程性信息</source>
            <translation>6. Process information (four kinds)</translation>
        </message>
        <message>
            <source>7.属于行政执法案卷</source>
            <translation>7. Administrative enforcement case files</translation>
        </message>
        <message>
            <source>8.属于行政查询事项</source>
            <translation>8. Administrative inquiry matters</translation>
        </message>
        <message>
            <source>（四）无法提供</source>
            <translation>(4) Cannot be provided</translation>
        </message>
        <message>
            <source>1.本机关不掌握相关政府信息</source>
            <translation>1. Not held by this body</translation>
        </message>
        <message>
            <source>2.没有现成信息需要另行制作</source>
            <translation>2. Not existing; would have to be produced</translation>
        </message>
        <message>
            <source>3.补正后申请内容仍不明确</source>
            <translation>3. Still unclear after correction</translation>
        </message>
        <message>
            <source>（五）不予处理</source>
            <translation>(5) Not processed</translation>
        </message>
        <message>
            <source>1.信访举报投诉类申请</source>
            <translation>1. Petitions, reports and complaints</translation>
        </message>
        <message>
            <source>2.重复申请</source>
            <translation>2. Repeated requests</translation>
        </message>
        <message>
            <source>3.要求提供公开出版物</source>
            <translation>3. Requests for published materials</translation>
        </message>
        <message>
            <source>4.无正当理由大量反复申请</source>
            <translation>4. Mass repeated requests without good reason</translation>
        </message>
        <message>
            <source>5.要求行政机关确认或重新出具已获取信息</source>
            <translation>5. Requests to confirm or reissue information already obtained</translation>
        </message>
        <message>
            <source>（六）其他处理</source>
            <translation>(6) Other handling</translation>
        </message>
        <message>
            <source>1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请</source>
            <translation>1. Not corrected in time without good reason; no longer processed</translation>
        </message>
        <message>
            <source>2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请</source>
            <translation>2. Notified fee not paid in time; no longer processed</translation>
        </message>
        <message>
            <source>3.其他</source>
            <translation>3. Other</translation>
        </message>
        <message>
            <source>（七）总计</source>
            <translation>(7) Total</translation>
        </message>
        <message>
            <source>四、结转下年度继续办理</source>
            <translation>4. Carried over to next year</translation>
        </message>
        <message>
            <source>总计 = 自然人与五类法人或其他组织之和</source>
            <translation>Total = natural persons plus the five kinds of legal persons or other organizations</translation>
        </message>
        <message>
            <source>自然人与五类法人或其他组织之和</source>
            <translation>the sum of natural persons and the five kinds of legal persons or other organizations</translation>
        </message>
        <message>
            <source>自然人与五类法人或其他组织</source>
            <translation>natural persons and the five kinds of legal persons or other organizations</translation>
        </message>
        <message>
            <source>（七）总计 = 各办理结果之和</source>
            <translation>(7) Total = the sum of all outcomes</translation>
        </message>
        <message>
            <source>各办理结果之和</source>
            <translation>the sum of all outcomes</translation>
        </message>
        <message>
            <source>各办理结果</source>
            <translation>all outcomes</translation>
        </message>
        <message>
            <source>第一项加第二项之和 = 第三项加第四项之和</source>
            <translation>item 1 + item 2 = item 3 + item 4</translation>
        </message>
        <message>
            <source>表四</source>
            <translation>Table 4</translation>
        </message>
        <message>
            <source>政府信息公开行政复议、行政诉讼情况</source>
            <translation>Administrative reconsideration and litigation over disclosure</translation>
        </message>
        <message>
            <source>行政复议</source>
            <translation>Administrative reconsideration</translation>
        </message>
        <message>
            <source>结果维持</source>
            <translation>Upheld</translation>
        </message>
        <message>
            <source>结果纠正</source>
            <translation>Corrected</translation>
        </message>
        <message>
            <source>其他结果</source>
            <translation>Other outcome</translation>
        </message>
        <message>
            <source>尚未审结</source>
            <translation>Pending</translation>
        </message>
        <message>
            <source>行政诉讼</source>
            <translation>Administrative litigation</translation>
        </message>
        <message>
            <source>未经复议直接起诉</source>
            <translation>Sued directly</translation>
        </message>
        <message>
            <source>复议后起诉</source>
            <translation>Sued after reconsideration</translation>
        </message>
        <message>
            <source>总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结</source>
            <translation>Total = upheld + corrected + other outcome + pending</translation>
        </message>
        <message>
            <source>结果维持、结果纠正、其他结果、尚未审结之和</source>
            <translation>the sum of upheld, corrected, other outcome and pending</translation>
        </message>
        <message>
            <source>结果维持、结果纠正、其他结果、尚未审结</source>
            <translation>upheld, corrected, other outcome and pending</translation>
        </message>
        <message>
            <source>2019年试行格式</source>
            <translation>2019 trial format</translation>
        </message>
        <message>
            <source>国办公开办函〔2019〕60号（试行）</source>
            <translation>State Council General Office letter [2019] No. 60 (trial)</translation>
        </message>
        <message>
            <source>本年新制作数量</source>
            <translation>Newly made this year</translation>
        </message>
        <message>
            <source>本年新公开数量</source>
            <translation>Newly disclosed this year</translation>
        </message>
        <message>
            <source>对外公开总数量</source>
            <translation>Total disclosed</translation>
        </message>
        <message>
            <source>规范性文件</source>
            <translation>Normative documents</translation>
        </message>
        <message>
            <source>上一年项目数量</source>
            <translation>Items last year</translation>
        </message>
        <message>
            <source>本年增/减</source>
            <translation>Change this year (+/−)</translation>
        </message>
        <message>
            <source>处理决定数量</source>
            <translation>Decisions</translation>
        </message>
        <message>
            <source>其他对外管理服务事项</source>
            <translation>Other external administrative services</translation>
        </message>
        <message>
            <source>第二十条第（九）项</source>
            <translation>Article 20 (9)</translation>
        </message>
        <message>
            <source>政府集中采购</source>
            <translation>Centralized government procurement</translation>
        </message>
        <message>
            <source>采购项目数量</source>
            <translation>Procurement projects</translation>
        </message>
        <message>
            <source>采购总金额</source>
            <translation>Total procurement amount</translation>
        </message>
        <message>
            <source>一、总体情况</source>
            <translation>1. Overview</translation>
        </message>
        <message>
            <source>二、主动公开政府信息情况</source>
            <translation>2. Proactive disclosure of government information</translation>
        </message>
        <message>
            <source>三、收到和处理政府信息公开申请情况</source>
            <translation>3. Disclosure requests received and handled</translation>
        </message>
        <message>
            <source>四、政府信息公开行政复议、行政诉讼情况</source>
            <translation>4. Administrative reconsideration and litigation over disclosure</translation>
        </message>
        <message>
            <source>五、存在的主要问题及改进情况</source>
            <translation>5. Main problems and improvements</translation>
        </message>
        <message>
            <source>六、其他需要报告的事项</source>
            <translation>6. Other matters to report</translation>
        </message>
    </context>
    <context>
        <name>findings</name>
        <message>
            <source>空白</source>
            <extracomment>blank</extracomment>
            <translation>blank</translation>
        </message>
        <message>
            <source>、</source>
            <extracomment>sep.enum</extracomment>
            <translation>, </translation>
        </message>
        <message>
            <source>，</source>
            <extracomment>sep.comma</extracomment>
            <translation>, </translation>
        </message>
        <message>
            <source>；</source>
            <extracomment>sep.semicolon</extracomment>
            <translation>; </translation>
        </message>
        <message>
            <source>加</source>
            <extracomment>sep.plus</extracomment>
            <translation> + </translation>
        </message>
        <message>
            <source>·</source>
            <extracomment>sep.dot</extracomment>
            <translation>·</translation>
        </message>
        <message>
            <source>{text}</source>
            <extracomment>verbatim</extracomment>
            <translation>{text}</translation>
        </message>
        <message>
            <source>{message}。{note}</source>
            <extracomment>with_note</extracomment>
            <translation>{message}. {note}</translation>
        </message>
        <message>
            <source>{name} 为 {value}</source>
            <extracomment>is</extracomment>
            <translation>{name} is {value}</translation>
        </message>
        <message>
            <source>“{text}”</source>
            <extracomment>quote</extracomment>
            <translation>“{text}”</translation>
        </message>
        <message>
            <source>{cell} 未填写（空白，按 0 计），按{basis}应为 {expected}</source>
            <extracomment>arith.total_blank</extracomment>
            <translation>{cell} is blank (counted as 0); as {basis} it should be {expected}</translation>
        </message>
        <message>
            <source>{cell} 为 {value}，但构成它的各单元格（{parts}）均为空白</source>
            <extracomment>arith.parts_blank</extracomment>
            <translation>{cell} is {value}, but the cells it is made of ({parts}) are all blank</translation>
        </message>
        <message>
            <source>{cell} 为 {value}，按{basis}应为 {expected}</source>
            <extracomment>arith.should_be</extracomment>
            <translation>{cell} is {value}; as {basis} it should be {expected}</translation>
        </message>
        <message>
            <source>{group}：{lhs_terms}之和为 {lhs}，{rhs_terms}之和为 {rhs}，两者应相等（{relation}）</source>
            <extracomment>arith.sides_differ</extracomment>
            <translation>{group}: {lhs_terms} add up to {lhs}, {rhs_terms} add up to {rhs}; the two should be equal ({relation})</translation>
        </message>
        <message>
            <source>{table} {column}列</source>
            <extracomment>arith.column_group</extracomment>
            <translation>{table}, column {column}</translation>
        </message>
        <message>
            <source>{name}（{value}）</source>
            <extracomment>arith.term</extracomment>
            <translation>{name} ({value})</translation>
        </message>
        <message>
            <source>最可能的错误：{repair}</source>
            <extracomment>arith.culprit</extracomment>
            <translation>Most likely mistake: {repair}</translation>
        </message>
        <message>
            <source>有 {count} 种只改一个单元格的修正都能使{table}的勾稽关系成立（{repairs}），无法确定是哪一格出错</source>
            <extracomment>arith.repairs</extracomment>
            <translation>Any of {count} single-cell corrections would make the relations of {table} hold ({repairs}); which cell is wrong cannot be told</translation>
        </message>
        <message>
            <source>{cell} 应为 {value}</source>
            <extracomment>arith.repair</extracomment>
            <translation>{cell} should be {value}</translation>
        </message>
        <message>
            <source>其中有数值是识别推定的（已标注），可能是识别有误而非报告错误，请对照原文核对</source>
            <extracomment>arith.inferred</extracomment>
            <translation>Some of its values were inferred by the recognizer (marked): this may be a misreading rather than an error in the report; check them against the source</translation>
        </message>
        <message>
            <source>其中有单元格未能从原文识别（按空白计），可能是识别遗漏而非报告错误，请对照原文补全后再核对</source>
            <extracomment>arith.unread</extracomment>
            <translation>Some of its cells could not be read from the source (counted as blank): this may be a recognition gap rather than an error in the report; fill them in from the source, then check again</translation>
        </message>
        <message>
            <source>{cell} 为 {value}，{problem}</source>
            <extracomment>value.bad</extracomment>
            <translation>{cell} is {value}: {problem}</translation>
        </message>
        <message>
            <source>应为不小于 0 的整数</source>
            <extracomment>value.count</extracomment>
            <translation>it should be a whole number of 0 or more</translation>
        </message>
        <message>
            <source>应为整数</source>
            <extracomment>value.signed</extracomment>
            <translation>it should be a whole number</translation>
        </message>
        <message>
            <source>金额不应为负数</source>
            <extracomment>value.amount</extracomment>
            <translation>an amount cannot be negative</translation>
        </message>
        <message>
            <source>正文称“{phrase}”，但{shown}</source>
            <extracomment>narrative.zero</extracomment>
            <translation>The text says “{phrase}”, but {shown}</translation>
        </message>
        <message>
            <source>正文称“{phrase}”（{stated}），但{shown}，{verdict}</source>
            <extracomment>narrative.count</extracomment>
            <translation>The text says “{phrase}” ({stated}), but {shown}: {verdict}</translation>
        </message>
        <message>
            <source>与正文不符</source>
            <extracomment>narrative.differs</extracomment>
            <translation>this does not match the text</translation>
        </message>
        <message>
            <source>均与正文不符</source>
            <extracomment>narrative.differs_all</extracomment>
            <translation>none of these matches the text</translation>
        </message>
        <message>
            <source>{cells} 与 {last}之和</source>
            <extracomment>narrative.sum</extracomment>
            <translation>the sum of {cells} and {last}</translation>
        </message>
        <message>
            <source>{cells} 等 {count} 格之和</source>
            <extracomment>narrative.sum_many</extracomment>
            <translation>the sum of {cells} and the rest of {count} cells</translation>
        </message>
        <message>
            <source>正文称“{phrase}”，但{shown}，{verdict}</source>
            <extracomment>narrative.count_about</extracomment>
            <translation>the text says “{phrase}”, but {shown}, {verdict}</translation>
        </message>
        <message>
            <source>{cells} 的数字连写可有多种拆分</source>
            <extracomment>narrative.open_rows</extracomment>
            <translation>{cells} has digits run together that split several ways</translation>
        </message>
        <message>
            <source>表中相关数值为识别推定，请对照原文核对</source>
            <extracomment>narrative.guessed</extracomment>
            <translation>the table value concerned was inferred by the recognizer; check it against the source</translation>
        </message>
        <message>
            <source>正文的说法可有多种理解，请核对</source>
            <extracomment>narrative.loose</extracomment>
            <translation>the wording may be read in several ways; please check</translation>
        </message>
        <message>
            <source>未核对的表述：“{phrase}”含有与表格相关的数字，但未能对应到表格中的格</source>
            <extracomment>narrative.unchecked</extracomment>
            <translation>Unchecked statement: “{phrase}” states a figure about the tables that could not be tied to cells</translation>
        </message>
        <message>
            <source>正文前后说法不一：{quotes}；表格中{cells}未填写或未识别，无法判断哪一处正确</source>
            <extracomment>narrative.inconsistent</extracomment>
            <translation>The text contradicts itself: {quotes}; in the tables {cells} is blank or was not recognized, so which one is right cannot be told</translation>
        </message>
        <message>
            <source>上年报告</source>
            <extracomment>across.previous</extracomment>
            <translation>last year's report</translation>
        </message>
        <message>
            <source>上年（{year} 年）报告</source>
            <extracomment>across.previous_year</extracomment>
            <translation>last year's report ({year})</translation>
        </message>
        <message>
            <source>{cell} 为 {value}，而{previous} {row}·{column} 为 {previous_value}，两者应相等</source>
            <extracomment>across.carry</extracomment>
            <translation>{cell} is {value}, but in {previous} {row}·{column} is {previous_value}; the two should be equal</translation>
        </message>
        <message>
            <source>{cell} 为 {value}；{previous}现行有效 {before} 件，本年制发 {issued} 件、废止 {repealed} 件，现行有效件数{bound}</source>
            <extracomment>across.effective</extracomment>
            <translation>{cell} is {value}; {previous} had {before} in force, this year {issued} were issued and {repealed} repealed, so the number in force {bound}</translation>
        </message>
        <message>
            <source>不应超过 {limit}</source>
            <extracomment>across.at_most</extracomment>
            <translation>should not exceed {limit}</translation>
        </message>
        <message>
            <source>不应少于 {limit}</source>
            <extracomment>across.at_least</extracomment>
            <translation>should not be below {limit}</translation>
        </message>
        <message>
            <source>{cell} 为 {value}，按{previous}（{base} {previous_value}，{change} {previous_change}）应为 {expected}</source>
            <extracomment>across.items</extracomment>
            <translation>{cell} is {value}; by {previous} ({base} {previous_value}, {change} {previous_change}) it should be {expected}</translation>
        </message>
        <message>
            <source>未找到以下部分：{sections}</source>
            <extracomment>structure.sections_missing</extracomment>
            <translation>These parts were not found: {sections}</translation>
        </message>
        <message>
            <source>未找到{table}（{title}），无法核对其数据</source>
            <extracomment>structure.table_missing</extracomment>
            <translation>{table} ({title}) was not found; its figures cannot be checked</translation>
        </message>
        <message>
            <source>{table} 未找到以下行：{rows}。这些单元格按空白处理</source>
            <extracomment>structure.rows_missing</extracomment>
            <translation>{table}: these rows were not found: {rows}. Their cells count as blank</translation>
        </message>
        <message>
            <source>未能从标题或统计期限识别报告年度，无法核对格式版本和年度</source>
            <extracomment>structure.year_unknown</extracomment>
            <translation>The report's year could not be read from its title or reporting period, so the format version and the year cannot be checked</translation>
        </message>
        <message>
            <source>{name}（{notice}）</source>
            <extracomment>structure.format_name</extracomment>
            <translation>{name} ({notice})</translation>
        </message>
        <message>
            <source>{year} 年度报告应使用{expected}，但{table}按{actual}填写</source>
            <extracomment>structure.format_for_year</extracomment>
            <translation>A report for {year} should use the {expected}, but {table} follows the {actual}</translation>
        </message>
        <message>
            <source>{t2}按{v2}填写，{t3}按{v3}填写，两表格式版本不一致</source>
            <extracomment>structure.formats_differ</extracomment>
            <translation>{t2} follows the {v2} and {t3} the {v3}: the two tables use different format versions</translation>
        </message>
        <message>
            <source>标题中的年度（{title_year} 年）与统计期限（{period_year} 年）不一致</source>
            <extracomment>structure.title_year</extracomment>
            <translation>The year in the title ({title_year}) differs from the reporting period ({period_year})</translation>
        </message>
        <message>
            <source>{cell} 的内容“{raw}”不是数值，核对时按 0 计算</source>
            <extracomment>structure.non_numeric</extracomment>
            <translation>{cell} holds “{raw}”, which is not a number; the checks count it as 0</translation>
        </message>
        <message>
            <source>{table} 有 {count} 个单元格空白或为“/”等符号：{cells}。空白不等于 0，核对时按 0 计算，请确认</source>
            <extracomment>structure.blank</extracomment>
            <translation>{table}: {count} cell(s) blank or holding a mark such as “/”: {cells}. Blank is not 0; the checks count it as 0, please confirm</translation>
        </message>
        <message>
            <source>{row}（{columns}）</source>
            <extracomment>structure.row_cells</extracomment>
            <translation>{row} ({columns})</translation>
        </message>
        <message>
            <source>{rows} 等 {count} 行</source>
            <extracomment>structure.more_rows</extracomment>
            <translation>{rows} and more ({count} rows)</translation>
        </message>
    </context>
</TS>
