"""The review window: source text, the three tables, the problems list, the work queue."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..decoding import REPAIRS as DECODING_REPAIRS
from ..findings import ERROR, INFO, NARRATIVE, WARNING
from ..reports import REPORT_SUFFIXES
from ..schema import TABLE_IDS, table_spec
from ..sidecar import CORRUPT, RESTORED, TEXT_CHANGED
from .document import CHECK, LOAD_STEPS, PREPARE_VIEW, READ, RESTORE, AutoSaver, ReviewDocument
from .findings_model import FINDING_ROLE, MESSAGE_COLUMN, FindingsModel, severity_icon, severity_text
from .message_bar import MessageBar
from .names import finding_text, schema_text
from .queue_model import PATH_ROLE, QueueModel, status_label
from .report_list import ReportList
from .session import ReviewSession
from .two_editors import TwoEditors
from .settings import DEFAULTS, Settings
from .source_view import SourcePane
from .status_messages import StatusMessages
from .textpos import view_positions
from .table_view import FormTableView
from .panes import ProblemsView, TablePage, sample_copy  # noqa: F401  (sample_copy: app.py)
from .worklist import Entry


class MainWindow(QMainWindow):
    documentShown = Signal(object)  # ReviewDocument or None
    loaded = Signal()  # no report is being opened any more (shown, refused or cancelled)

    def __init__(self, settings: Settings | None = None, saver: AutoSaver | None = None, parent=None):
        super().__init__(parent)
        self.settings = settings or Settings()
        # The reports, their documents and the background work that opens them; the window
        # observes it (see session.py) and keeps only what it shows.
        self.session = ReviewSession(saver, self)
        self.two_editors = TwoEditors(self)
        self.saver = self.session.saver
        self.queue = self.session.queue
        self.documents = self.session.documents
        self.undo_group = self.session.undo_group
        self.document: ReviewDocument | None = None
        self._linking = False
        self.setWindowTitle(self.tr("政府信息公开年报审核"))
        self.setAcceptDrops(True)
        self._build_widgets()
        self.status_messages = StatusMessages(self.statusBar(), self)  # the one writer of its message
        self._observe_session()
        self._build_actions()
        from .review_actions import ReviewActions

        self.review_actions = ReviewActions(self)  # decisions on findings, 采用建议值, 审核意见
        from .view_tools import ViewTools

        self.view_tools = ViewTools(self)  # zoom (Ctrl + / − / 0) and 求和 / 计数 of a selection
        from .verify_actions import VerifyActions

        self.verify_actions = VerifyActions(self)  # page view, uncertain-value queue, export guard
        from .printing import PrintActions

        self.print_actions = PrintActions(self)  # print preview, print, PDF of the three tables
        self._update_actions()
        self._build_menus()
        self._restore_window()
        self._show_welcome()

    # ================================================================ construction
    def _observe_session(self) -> None:
        session = self.session
        session.scanStarted.connect(self._on_scan_started)
        session.scanProgressed.connect(self._on_scan_progressed)
        session.scanFinished.connect(self._on_scan_finished)
        session.scanFailed.connect(lambda text: self.show_status(self.tr("读取报告时出错：%1").replace("%1", text)))
        session.scanCancelled.connect(lambda: self.show_status(self.tr("已取消读取。")))
        session.scansEnded.connect(self._on_scans_ended)
        session.loadStarted.connect(self._on_load_started)
        session.loadProgressed.connect(self._on_load_progressed)
        session.loadEnded.connect(self._on_load_ended)
        session.loadFailed.connect(self._on_load_failed)
        session.documentLoaded.connect(self._on_document_loaded)

    def _build_widgets(self) -> None:
        self.source = SourcePane(self)
        self.source.editor.textLoaded.connect(self._maybe_loaded)
        self.tabs = QTabWidget(self)
        self.pages = {t: TablePage(t, self) for t in TABLE_IDS}
        for t in TABLE_IDS:
            self.tabs.addTab(self.pages[t], schema_text(table_spec("2021", t).number))
            view = self.pages[t].view
            view.currentAddressChanged.connect(self._on_cell_current)
            view.message.connect(self.show_status)
        self.message_bar = MessageBar(self)

        self.findings_model = FindingsModel(self)
        self.problems = ProblemsView(self)
        self.problems.setModel(self.findings_model)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setWordWrap(True)
        self.problems.verticalHeader().hide()
        # Messages wrap; rows follow the text height as the panel is resized (findings are few).
        self.problems.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.problems.setAlternatingRowColors(True)
        header = self.problems.horizontalHeader()
        # The severity column is as wide as its widest label: fitted to its contents, it measured
        # every row at each reset (hundreds in a file of many reports) for three possible texts.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, self._severity_column_width())
        header.setSectionResizeMode(MESSAGE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 220)
        self.problems.navigated.connect(lambda index: self.show_finding(index.data(FINDING_ROLE)))
        self.findings_model.modelAboutToBeReset.connect(self._before_findings_reset)
        self.findings_model.modelReset.connect(self._after_findings_reset)
        self._kept_finding = None

        right_top = QWidget(self)
        top_layout = QVBoxLayout(right_top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.message_bar)
        top_layout.addWidget(self.tabs, 1)
        self.problems_box = QWidget(self)
        box_layout = QVBoxLayout(self.problems_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(2)
        self.problems_title = QLabel(self)
        self.problems_title.setStyleSheet("font-weight: bold; padding: 4px 2px 0 2px;")
        box_layout.addWidget(self.problems_title)
        # Statements the checks could not tie to cells, under their own filter (hidden at first).
        self.show_unchecked = QCheckBox(self)
        self.show_unchecked.toggled.connect(self.findings_model.set_show_info)
        self.show_unchecked.hide()
        box_layout.addWidget(self.show_unchecked)
        box_layout.addWidget(self.problems, 1)

        self.right = QSplitter(Qt.Orientation.Vertical, self)
        self.right.addWidget(right_top)
        self.right.addWidget(self.problems_box)
        self.right.setStretchFactor(0, 5)
        self.right.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.source)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)

        self.welcome = self._build_welcome()
        self.central = QStackedWidget(self)
        self.central.addWidget(self.welcome)
        self.central.addWidget(self.splitter)
        self.setCentralWidget(self.central)

        self.report_list = ReportList(self.queue, self)  # sortable, filtered (report_list.py)
        self.queue_view = self.report_list.view
        self.queue_view.activated.connect(self._on_queue_activated)
        self.queue_view.clicked.connect(self._on_queue_activated)
        proxy = self.report_list.proxy  # the order shown decides next / previous report
        for signal in (proxy.layoutChanged, proxy.rowsInserted, proxy.rowsRemoved, proxy.modelReset):
            signal.connect(lambda *_a: hasattr(self, "act_next_report") and self._update_actions())
        self.queue_dock = QDockWidget(self.tr("报告列表"), self)
        self.queue_dock.setObjectName("queueDock")
        self.queue_dock.setWidget(self.report_list)
        self.queue_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.queue_dock)
        self.queue_dock.hide()

        status = self.statusBar()
        self.file_label = QLabel(self)
        self.encoding_label = QLabel(self)
        self.format_label = QLabel(self)
        self.counts_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.load_progress = QProgressBar(self)  # the report being opened, step by step
        self.load_progress.setMaximumWidth(260)
        self.load_progress.setTextVisible(True)
        self.load_progress.hide()
        self.export_progress = QProgressBar(self)  # the summary being written, report by report
        self.export_progress.setMaximumWidth(220)
        self.export_progress.setTextVisible(True)
        self.export_progress.hide()
        self.cancel_scan_button = QToolButton(self)
        self.cancel_scan_button.setText(self.tr("取消"))
        self.cancel_scan_button.clicked.connect(self.cancel_scan)
        self.cancel_scan_button.hide()
        for widget in (self.load_progress, self.progress, self.export_progress, self.cancel_scan_button, self.file_label, self.encoding_label, self.format_label, self.counts_label):
            status.addPermanentWidget(widget)

    def _build_welcome(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch(2)
        title = QLabel(self.tr("政府信息公开工作年度报告审核"), page)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 20pt; font-weight: bold; color: #24292f;")
        hint = QLabel(self.tr("打开报告文件或文件夹，也可以把文件拖到这里。"), page)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet("color: #57606a;")
        layout.addWidget(title)
        layout.addWidget(hint)
        self.welcome_buttons = QWidget(page)
        row = QVBoxLayout(self.welcome_buttons)
        row.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.welcome_buttons)
        layout.addStretch(3)
        return page

    def _action(self, text: str, shortcut, slot, *, checkable: bool = False, tip: str = "", scope: str = "app") -> QAction:
        """One action. `scope`: "app" (always enabled), "document" (enabled while a report is
        shown) or "table" (a document action whose keys act on the table with the keyboard)."""
        action = QAction(text, self)
        shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setCheckable(checkable)
        keys = " / ".join(QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) for s in shortcuts)
        action.setToolTip(f"{tip or text.replace('…', '')} ({keys})")
        action.setStatusTip(tip or text)
        action.triggered.connect(slot)
        if scope == "table":  # the source pane keeps its own copy and clearing
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.tabs.addAction(action)
        else:
            self.addAction(action)
        if scope in ("document", "table"):
            self._document_actions.append(action)
        return action

    def _action_table(self) -> list[tuple]:
        """The window's own actions, in one table: (attribute, text, keys, slot, options).
        The helpers (review_actions, verify_actions, view_tools) declare theirs the same way."""
        K = QKeySequence.StandardKey
        doc, table = {"scope": "document"}, {"scope": "table"}
        on_table = self._on_table
        rows = [
            ("act_open", self.tr("打开报告…"), K.Open, self.choose_files, {}),
            ("act_open_folder", self.tr("打开文件夹…"), "Ctrl+Shift+O", self.choose_folder, {}),
            ("act_open_sample", self.tr("打开示例报告"), "Ctrl+Shift+M", self.open_sample, {}),
            ("act_export", self.tr("导出Excel…"), "Ctrl+E", self.export_current, {"tip": self.tr("把当前报告的三张表导出为官方格式的Excel"), **doc}),
            ("act_export_summary", self.tr("导出汇总…"), "Ctrl+Shift+E", self.export_queue_summary, {"tip": self.tr("把报告列表中的所有报告汇总导出为Excel")}),
            ("act_close", self.tr("关闭报告"), K.Close, self.close_current, doc),
            ("act_quit", self.tr("退出"), "Ctrl+Q", self.close, {}),  # StandardKey.Quit is empty on Windows
            ("act_copy", self.tr("复制"), K.Copy, lambda: on_table(lambda v: v.copy()), table),
            ("act_paste", self.tr("粘贴"), K.Paste, lambda: on_table(lambda v: v.paste()), {"tip": self.tr("粘贴从Excel/WPS复制的数据块"), **table}),
            ("act_clear", self.tr("清空所选单元格"), K.Delete, lambda: on_table(lambda v: v.clear_selected()), table),
            ("act_restore", self.tr("恢复识别值"), "Ctrl+R", self.restore_extracted, {"tip": self.tr("把所选单元格恢复为从原文识别的数值"), **doc}),
            ("act_find", self.tr("在原文中查找…"), K.Find, self.source.find_bar.open_bar, {}),
            ("act_find_next", self.tr("查找下一个"), K.FindNext, lambda: self._find(False), {}),
            ("act_find_prev", self.tr("查找上一个"), K.FindPrevious, lambda: self._find(True), {}),
            ("act_next_problem", self.tr("下一个问题"), "F8", lambda: self.go_to_problem(+1), doc),
            ("act_prev_problem", self.tr("上一个问题"), "Shift+F8", lambda: self.go_to_problem(-1), doc),
            *[
                (f"act_table_{t}", self.tr("转到%1").replace("%1", schema_text(table_spec("2021", t).number)), f"Ctrl+{i + 1}", lambda _c=False, t=t: self.show_table(t), doc)
                for i, t in enumerate(TABLE_IDS)
            ],
            ("act_focus_source", self.tr("转到原文"), "Alt+1", lambda: self.source.editor.setFocus(), {}),
            ("act_focus_table", self.tr("转到表格"), "Alt+2", lambda: self._current_view().setFocus(), {}),
            ("act_focus_problems", self.tr("转到问题列表"), "Alt+3", lambda: self.problems.setFocus(), {}),
            ("act_focus_queue", self.tr("转到报告列表"), "Alt+4", self._focus_queue, {}),
            ("act_reviewed", self.tr("标记为已复核"), "Ctrl+Return", self.toggle_reviewed, {"checkable": True, "tip": self.tr("复核完毕后标记（再按一次取消）"), **doc}),
            ("act_next_report", self.tr("下一份报告"), "Ctrl+PgDown", lambda: self.go_to_report(+1), {}),
            ("act_prev_report", self.tr("上一份报告"), "Ctrl+PgUp", lambda: self.go_to_report(-1), {}),
            ("act_shortcuts", self.tr("快捷键一览"), K.HelpContents, self.show_shortcuts, {}),
            ("act_about", self.tr("关于"), "Ctrl+Shift+F1", self.show_about, {}),
            ("act_lang_zh", "中文", "Ctrl+Alt+C", lambda: self.set_language("zh_CN"), {"checkable": True}),
            ("act_lang_en", "English", "Ctrl+Alt+E", lambda: self.set_language("en"), {"checkable": True}),
        ]
        return rows

    def _build_actions(self) -> None:
        self._document_actions: list[QAction] = []  # enabled while a report is shown
        for name, text, keys, slot, options in self._action_table():
            setattr(self, name, self._action(text, keys, slot, **options))
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_tables = [getattr(self, f"act_table_{t}") for t in TABLE_IDS]

        # Two actions Qt makes: undo / redo of the active report, the report list's toggle.
        self.act_undo = self.undo_group.createUndoAction(self, self.tr("撤销"))
        self.act_undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.act_redo = self.undo_group.createRedoAction(self, self.tr("重做"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        for action, tip in ((self.act_undo, self.tr("撤销")), (self.act_redo, self.tr("重做"))):
            keys = " / ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
            action.setToolTip(f"{tip} ({keys})")
            self.addAction(action)
        self.act_queue = self.queue_dock.toggleViewAction()
        self.act_queue.setText(self.tr("显示报告列表"))
        self.act_queue.setShortcut(QKeySequence("Ctrl+L"))
        self.act_queue.setToolTip(self.tr("显示报告列表") + " (" + QKeySequence("Ctrl+L").toString(QKeySequence.SequenceFormat.NativeText) + ")")

        self.language_group = QActionGroup(self)
        for action in (self.act_lang_zh, self.act_lang_en):
            self.language_group.addAction(action)
        (self.act_lang_en if self.settings.language == "en" else self.act_lang_zh).setChecked(True)

    def _layout_table(self) -> tuple[list, list]:
        """Where the actions go: the menus (title, action names; None a separator) and the toolbar."""
        menus = [
            (self.tr("文件(&F)"), ["act_open", "act_open_folder", "@recent", "act_open_sample", None, "act_export", "act_export_summary", None,
                "print_actions.act_preview", "print_actions.act_print", "print_actions.act_pdf", None, "act_close", "act_quit"]),
            (self.tr("编辑(&E)"), ["act_undo", "act_redo", None, "act_copy", "act_paste", "act_clear", "act_restore", None, "act_find", "act_find_next", "act_find_prev"]),
            (self.tr("转到(&G)"), ["act_next_problem", "act_prev_problem", None, *[f"act_table_{t}" for t in TABLE_IDS], None, "act_focus_source", "act_focus_table", "act_focus_problems", "act_focus_queue"]),
            (self.tr("复核(&R)"), [
                "act_reviewed", None, "review_actions.act_accept", "review_actions.act_verify", "review_actions.act_as_printed",
                "review_actions.act_not_applicable", "review_actions.act_withdraw", None, "review_actions.act_opinion", None,
                "act_next_report", "act_prev_report", None, "act_queue",
            ]),
            (self.tr("核对(&V)"), ["verify_actions.act_next", "verify_actions.act_prev", None, "verify_actions.act_confirm", "verify_actions.act_alternatives", None, "verify_actions.act_page"]),
            (self.tr("视图(&W)"), ["view_tools.act_zoom_in", "view_tools.act_zoom_out", "view_tools.act_zoom_reset"]),
            (self.tr("设置(&S)"), ["@language"]),
            (self.tr("帮助(&H)"), ["act_shortcuts", "act_about"]),
        ]
        toolbar = [
            "act_open", "act_open_folder", None, "act_undo", "act_redo", "act_restore", None, "act_prev_problem", "act_next_problem",
            None, "act_reviewed", "act_prev_report", "act_next_report", None, "act_export",
        ]
        return menus, toolbar

    def _named_action(self, name: str) -> QAction:
        owner = self
        for part in name.split("."):
            owner = getattr(owner, part)
        return owner

    def _build_menus(self) -> None:
        menus, toolbar_names = self._layout_table()
        bar = self.menuBar()
        for title, names in menus:
            menu = bar.addMenu(title)
            for name in names:
                if name is None:
                    menu.addSeparator()
                elif name == "@recent":
                    self.recent_menu = menu.addMenu(self.tr("最近打开"))
                    self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
                elif name == "@language":
                    lang = menu.addMenu(self.tr("界面语言"))
                    lang.addAction(self.act_lang_zh)
                    lang.addAction(self.act_lang_en)
                else:
                    menu.addAction(self._named_action(name))
        toolbar = QToolBar(self.tr("工具栏"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name in toolbar_names:
            toolbar.addSeparator() if name is None else toolbar.addAction(self._named_action(name))
        self.addToolBar(toolbar)

    def _restore_window(self) -> None:
        self._panes_sized = False
        for name, splitter in (("mainSplitter", self.splitter), ("rightSplitter", self.right)):
            state = self.settings.splitter_state(name)
            if state is not None and splitter.restoreState(state):
                self._panes_sized = True
        geometry = self.settings.geometry()
        if geometry is not None and self.restoreGeometry(geometry):
            state = self.settings.window_state()
            if state is not None:
                self.restoreState(state)
            return
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = DEFAULTS.window_width, DEFAULTS.window_height
        if screen is not None and screen.width() > 0:
            width = min(width, int(screen.width() * 0.92))
            height = min(height, int(screen.height() * 0.9))
        self.resize(width, height)

    # ================================================================ opening
    def _show_welcome(self) -> None:
        layout = self.welcome_buttons.layout()
        while layout.count():
            item = layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for action in (self.act_open, self.act_open_folder, self.act_open_sample):
            button = QPushButton(f"{action.text().replace('…', '')}    {action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}", self.welcome_buttons)
            button.setMinimumWidth(320)
            button.clicked.connect(action.trigger)
            layout.addWidget(button)
        recent = [p for p in self.settings.recent() if Path(p).exists()][:5]
        if recent:
            label = QLabel(self.tr("最近打开："), self.welcome_buttons)
            label.setStyleSheet("color: #57606a; padding-top: 12px;")
            layout.addWidget(label)
            for path in recent:
                button = QPushButton(Path(path).name, self.welcome_buttons)
                button.setFlat(True)
                button.setToolTip(path)
                button.clicked.connect(lambda _c=False, p=path: self.open_paths([p]))
                layout.addWidget(button)
        self.central.setCurrentWidget(self.welcome)

    def choose_files(self) -> None:
        patterns = " ".join(f"*{s}" for s in REPORT_SUFFIXES)
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("打开报告"), self._last_folder(), self.tr("报告文件 (%1);;所有文件 (*)").replace("%1", patterns))
        if files:
            self.open_paths(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("打开文件夹"), self._last_folder())
        if folder:
            self.open_paths([folder])

    def _last_folder(self) -> str:
        recent = self.settings.recent()
        if recent:
            p = Path(recent[0])
            return str(p if p.is_dir() else p.parent)
        return str(Path.home())

    def open_sample(self) -> None:
        sample = sample_copy()
        if sample is None:
            self.show_status(self.tr("找不到示例报告。"))
            return
        self.open_paths([str(sample)])

    def open_paths(self, paths: list[str]) -> None:
        """Open files and folders: files join the queue at once, folders are read in the background."""
        paths = [str(p) for p in paths]
        for p in paths:
            self.settings.add_recent(p)
        files = [p for p in paths if not Path(p).is_dir()]
        folders = [p for p in paths if Path(p).is_dir()]
        if files:
            keys = self.queue.add(files)
            if len(self.queue.entries) > 1:
                self.queue_dock.show()
            self.open_document(keys[0])
            if len(keys) > 1:
                self._start_scan(keys[1:], open_first=False)
        if folders:
            self._start_scan(folders, open_first=not files)

    def _start_scan(self, paths: list[str], open_first: bool) -> None:
        """Read and check reports off the GUI thread (the session's scan), with a progress bar
        and a cancel button. Several scans may run at once; the bar shows the latest one."""
        self.session.scan(paths, open_first)

    # -- the session's scans, painted
    def _on_scan_started(self) -> None:
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("正在读取…"))
        self.progress.show()
        self.cancel_scan_button.show()
        self.queue_dock.show()

    def _on_scan_progressed(self, done_count: int, total: int, name: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done_count)
        self.progress.setFormat(f"{done_count}/{total}")
        if name:
            self.status_messages.notice(self.tr("正在读取 %1").replace("%1", name), 2000)

    def _on_scan_finished(self, entries: list[Entry], open_first: bool) -> None:
        if not entries:
            self.show_status(self.tr("所选位置没有可打开的报告文件。"))
            return
        self._update_actions()
        self.show_status(self.tr("已读取 %n 份报告。", "", len(entries)))
        if open_first and self.document is None and not self.loading:
            # A turn of the event loop first, so the list repaints before the report opens.
            QTimer.singleShot(0, lambda: self.document is None and not self.loading and self.open_document(entries[0].path))

    def _on_scans_ended(self) -> None:
        self.progress.hide()
        self.status_messages.end_notice()
        self.cancel_scan_button.setVisible(self.session.loading)

    def cancel_scan(self) -> None:
        """The 取消 button: stop reading folders and the report being opened."""
        _scans, load = self.session.cancel()
        if load:
            self.show_status(self.tr("已取消打开。"))
            self._maybe_loaded()

    @property
    def scanning(self) -> bool:
        return self.session.scanning

    def open_document(self, path: str) -> ReviewDocument | None:
        """Show one report: at once if it is open already, else once it has loaded in the
        background (a report that cannot be read says why). Returns the document shown now."""
        document = self.session.request(path)
        if document is not None:
            self._show_document(document)
        return document

    @property
    def loading(self) -> bool:
        """A report is being opened: read and checked in the background, or its text put in view."""
        return self.session.loading or self.source.editor.loading

    def wait_until_loaded(self) -> None:
        """Turn the event loop until the report being opened is shown (or refused): for scripts."""
        if not self.loading:
            return
        loop = QEventLoop()
        self.loaded.connect(loop.quit)
        try:
            if self.loading:
                loop.exec()
        finally:
            self.loaded.disconnect(loop.quit)

    def _maybe_loaded(self) -> None:
        if not self.loading:
            self.loaded.emit()

    # -- the session's load, painted
    def _on_load_started(self, key: str) -> None:
        self._select_in_queue(key)
        name = Path(key).name
        self.load_progress.setRange(0, LOAD_STEPS)
        self.load_progress.setValue(0)
        self.load_progress.setFormat(self.tr("正在打开 %1").replace("%1", name))
        self.load_progress.setToolTip(key)
        self.load_progress.show()
        self.cancel_scan_button.show()
        self.status_messages.notice(self.tr("正在打开 %1…").replace("%1", name))

    def _on_load_progressed(self, key: str, step: int, total: int) -> None:
        self.load_progress.setRange(0, total)
        self.load_progress.setValue(step)
        self.load_progress.setFormat(f"{Path(key).name}：{self._load_step_name(step)}")

    def _on_load_ended(self) -> None:
        self.load_progress.hide()
        self.cancel_scan_button.setVisible(self.session.scanning)
        self.status_messages.end_notice()

    def _on_load_failed(self, key: str, message: str) -> None:
        self._show_unreadable(key, message)
        self._maybe_loaded()

    def _load_step_name(self, step: int) -> str:
        return {
            READ: self.tr("读取和识别…"),
            RESTORE: self.tr("恢复修改记录…"),
            CHECK: self.tr("检查…"),
            PREPARE_VIEW: self.tr("准备原文…"),
        }.get(step, "")

    def _on_document_loaded(self, document: ReviewDocument) -> None:
        """A report the session loaded: observe it and show it."""
        document.findingsChanged.connect(self._on_document_changed)
        document.reviewStatusChanged.connect(self._on_review_status_changed)
        document.saveFailed.connect(lambda message, d=document: self._on_save_failed(d, message))
        document.saveSucceeded.connect(lambda d=document: self._on_save_recovered(d))
        document.saveConflicted.connect(lambda conflicts, d=document: self.two_editors.ask(d, conflicts))
        self._show_document(document)

    def _show_unreadable(self, path: str, message: str) -> None:
        self.session.shown(None)
        self.document = None
        self.undo_group.setActiveStack(None)
        for page in self.pages.values():
            page.show_document(None)
        self.findings_model.set_document(None)
        self._update_tab_marks(None)
        self.source.editor.set_report_text("")
        self.central.setCurrentWidget(self.splitter)
        self.message_bar.show_message(self.tr("无法打开 %1：%2").replace("%1", Path(path).name).replace("%2", message), "error")
        self._select_in_queue(path)
        self._update_status_bar()
        self._update_actions()

    def _show_document(self, document: ReviewDocument) -> None:
        self.session.shown(document)
        self.document = document
        self.undo_group.setActiveStack(document.undo_stack)
        if document.text_positions is None:
            document.text_positions = view_positions(document.report.text)
        self.source.editor.set_report_text(document.report.text, document.text_positions)
        for page in self.pages.values():
            page.show_document(document)
        self.findings_model.set_document(document)
        self.central.setCurrentWidget(self.splitter)
        self._show_load_message(document)
        self._select_in_queue(document.path)
        self._on_document_changed()
        self.tabs.setCurrentWidget(self.pages[self._first_table(document)])
        self._size_panes()
        self._current_view().setFocus()
        self.documentShown.emit(document)
        self._maybe_loaded()  # else once the source view has all of the text

    def _size_panes(self) -> None:
        """First time only (afterwards the reviewer's own split is kept): give the tables the
        width 表三 needs and the source text the rest, so small laptop screens need no scrolling."""
        if self._panes_sized or self.pages["t3"].model is None or not self.splitter.isVisible():
            return  # (called again from showEvent once the window has its real size)
        self._panes_sized = True
        view = self.pages["t3"].view
        needed = view.natural_width() + view.verticalScrollBar().sizeHint().width() + 40
        total = sum(self.splitter.sizes()) or self.width()
        source = max(320, min(total - needed, int(total * 0.45)))
        self.splitter.setSizes([source, total - source])
        height = sum(self.right.sizes()) or self.height()
        self.right.setSizes([int(height * 0.68), height - int(height * 0.68)])

    @staticmethod
    def _first_table(document: ReviewDocument) -> str:
        """The table to show first: where the first problem is, else 表三 (or whichever exists)."""
        tables = document.report.tables
        for finding in document.findings:
            for cell in finding.cells:
                if cell[0] in tables:
                    return cell[0]
        return "t3" if "t3" in tables else next(iter(tables), "t3")

    def _show_load_message(self, document: ReviewDocument) -> None:
        result = document.load_result
        if self.two_editors.show_read_only(document):
            pass  # another editor has it: who, and 接管编辑 when the lock looks stale
        elif document.has_pending:
            n = len(document.sidecar.pending.corrections)
            if result.status == TEXT_CHANGED:
                text = self.tr("报告文本自上次复核后已改变。上次的 %n 处修改未自动应用，已保留，可选择应用或搁置。", "", n)
            else:
                text = self.tr("有 %n 处此前的修改尚未应用。", "", n)
            self.message_bar.show_message(
                text,
                "warning",
                [(self.tr("应用上次的修改(&A)"), self.apply_pending), (self.tr("搁置，保留记录(&D)"), self.discard_pending)],
            )
        elif result.status == CORRUPT:
            moved = result.moved_to.name if result.moved_to else self.tr("（未能改名，请手动备份该文件）")
            self.message_bar.show_message(
                self.tr("修改记录文件 %1 已损坏，无法读取，已改名保存为 %2。报告按识别结果打开，此前的修改未恢复。")
                .replace("%1", document.sidecar.path.name)
                .replace("%2", moved),
                "error",
            )
        elif repairs := [n.message for n in document.report.notes if n.code in DECODING_REPAIRS]:
            self.message_bar.show_message("\n".join(repairs), "warning")  # the text differs from the file's bytes
        elif result.status == RESTORED and result.restored:
            self.message_bar.show_message(self.tr("已恢复上次的 %n 处修改。", "", result.restored), "info")
        elif document.save_error:
            self.message_bar.show_message(document.save_error, "error")
        else:
            self.message_bar.clear()

    # ================================================================ document state
    def _on_document_changed(self) -> None:
        """The findings changed (or a report was shown): repaint what depends on them."""
        document = self.document
        if document is None:
            return
        self.source.editor.set_sentence_highlights(
            [(tuple(f.span), f.severity) for f in document.live_findings if f.kind == NARRATIVE and f.span is not None and f.severity != INFO]
        )
        self._update_tab_marks(document)
        self._on_review_status_changed()
        self._update_actions()

    def _on_review_status_changed(self) -> None:
        document = self.document
        if document is None:
            return
        errors, warnings, edits = document.counts()
        entry = Entry(document.path, document.queue_status(), errors, warnings, edits, document.report.agency, document.report.year)
        self.queue.update(entry)
        self.act_reviewed.setChecked(document.reviewed)
        self._update_status_bar()

    def _severity_column_width(self) -> int:
        """The width the severity column needs: icon, the widest of its labels and the header."""
        metrics = self.problems.fontMetrics()
        icon = self.problems.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self.problems)
        text = max(metrics.horizontalAdvance(severity_text(s)) for s in (ERROR, WARNING, INFO))
        header = self.problems.horizontalHeader().sectionSizeFromContents(0).width()
        return max(header, icon + text + 24)  # the margins of the icon and the text in the cell

    def _before_findings_reset(self) -> None:
        current = self.problems.currentIndex()
        finding = current.data(FINDING_ROLE) if current.isValid() else None
        self._kept_finding = (finding.rule, tuple(map(tuple, finding.cells[:1]))) if finding is not None else None
        # Rows are fitted to their messages again after the reset, if there are few (see
        # _after_findings_reset): a reset while rows fit their contents measured every new row
        # first, hundreds in a file of many reports, before the mode could change.
        self.problems.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def _update_tab_marks(self, document: ReviewDocument | None) -> None:
        """Each tab shows the worst finding of its table and how many findings name it."""
        live = document.live_findings if document else []  # a dismissed finding marks nothing
        marks = [tuple((f.severity, f.rule) for f in live if any(c[0] == t for c in f.cells)) for t in TABLE_IDS]
        if marks == getattr(self, "_tab_marks", None):
            return
        self._tab_marks = marks
        for i, table_id in enumerate(TABLE_IDS):
            findings = [f for f in live if any(c[0] == table_id for c in f.cells)]
            number = schema_text(table_spec("2021", table_id).number)
            if findings:
                worst = ERROR if any(f.severity == ERROR for f in findings) else findings[0].severity
                self.tabs.setTabIcon(i, severity_icon(worst))
                self.tabs.setTabText(i, f"{number} ({len(findings)})")
            else:
                self.tabs.setTabIcon(i, QIcon())
                self.tabs.setTabText(i, number)

    MAX_FITTED_PROBLEM_ROWS = 300

    def _after_findings_reset(self) -> None:
        # Keep the reviewer's place in the list when an edit re-checks (F8 goes on from there).
        if self._kept_finding is not None:
            for row, f in enumerate(self.findings_model.findings):
                if (f.rule, tuple(map(tuple, f.cells[:1]))) == self._kept_finding:
                    self.problems.selectionModel().setCurrentIndex(
                        self.findings_model.index(row, MESSAGE_COLUMN),
                        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                    )
                    break
        n = self.findings_model.rowCount()
        dismissed = self.findings_model.dismissed_count()
        if dismissed:
            title = self.tr("问题（%1，另有 %2 条已排除）").replace("%1", str(n - dismissed)).replace("%2", str(dismissed))
        else:
            title = self.tr("问题（%1）").replace("%1", str(n)) if n else self.tr("问题：无")
        self.problems_title.setText(title)
        unchecked = self.findings_model.info_count()
        self.show_unchecked.setText(self.tr("显示未核对的表述（%1）").replace("%1", str(unchecked)))
        self.show_unchecked.setVisible(unchecked > 0)
        # Rows fit their wrapped messages while the list is short. A list of thousands (a file of
        # many reports run together) keeps one row height: fitting them would measure every row
        # at every resize and freeze the window for seconds.
        fit = QHeaderView.ResizeMode.ResizeToContents if n <= self.MAX_FITTED_PROBLEM_ROWS else QHeaderView.ResizeMode.Interactive
        self.problems.verticalHeader().setSectionResizeMode(fit)

    def _update_status_bar(self) -> None:
        document = self.document
        if document is None:
            for label in (self.file_label, self.encoding_label, self.format_label, self.counts_label):
                label.clear()
            self.setWindowTitle(self.tr("政府信息公开年报审核"))
            return
        report = document.report
        errors, warnings, edits = document.counts()
        self.file_label.setText(document.name)
        self.file_label.setToolTip(document.path)
        self.encoding_label.setText(self.tr("编码：%1").replace("%1", report.encoding))
        versions = {t.version for t in report.tables.values() if t.version}
        fmt = report.format or self.tr("未识别")
        if len(versions) > 1:
            fmt += self.tr("（混用）")
        self.format_label.setText(self.tr("格式：%1").replace("%1", fmt))
        self.counts_label.setText(
            self.tr("错误 %1 · 警告 %2 · 修改 %3").replace("%1", str(errors)).replace("%2", str(warnings)).replace("%3", str(edits))
            + ("  ·  " + status_label(document.queue_status()) if document.report.review_status else "")
        )
        self.counts_label.setStyleSheet("color: #c62828; font-weight: bold;" if errors else "")
        self.setWindowTitle(f"{document.name} — " + self.tr("政府信息公开年报审核"))

    def _update_actions(self) -> None:
        has = self.document is not None
        for action in self._document_actions:
            action.setEnabled(has)
        self.act_export.setEnabled(has)
        self.act_export_summary.setEnabled(bool(self.queue.entries))
        # Where the report shown stands in the list as shown (not a walk over all its rows: this
        # runs at every edit and every report shown, with folders of hundreds in the list).
        shown = self.report_list.shown_count()
        row = self.report_list.shown_row(self.document.path) if has else -1
        if row >= 0:
            self.act_next_report.setEnabled(row < shown - 1)
            self.act_prev_report.setEnabled(row > 0)
        else:  # the report shown is filtered out of the list, or none is shown
            self.act_next_report.setEnabled(shown > (0 if has else 1))
            self.act_prev_report.setEnabled(shown > (0 if has else 1))

    def show_status(self, text: str, timeout: int = 6000) -> None:
        """An outcome in the status bar (through its one writer, status_messages)."""
        self.status_messages.show(text, timeout)

    # ================================================================ linking
    def _current_view(self) -> FormTableView:
        return self.tabs.currentWidget().view

    def show_table(self, table_id: str) -> None:
        self.tabs.setCurrentWidget(self.pages[table_id])
        self.pages[table_id].view.setFocus()

    def _on_table(self, fn) -> None:
        page = self.tabs.currentWidget()
        if page is not None and page.model is not None:
            fn(page.view)

    def _on_cell_current(self, addr) -> None:
        """A cell became current: show where its value came from."""
        if self._linking or self.document is None or addr is None:
            return
        cell = self.document.report.tables[addr[0]].cells[addr[1]][addr[2]]
        self.source.editor.show_spans([cell.span] if cell.span else [])
        if cell.span is None:
            self.show_status(self.tr("此格的数值不是从原文读出的（原文中没有对应文字）。"), 4000)

    def show_finding(self, finding) -> None:
        """Select a finding's cells and highlight its sentence (or its cells' text)."""
        document = self.document
        if document is None or finding is None:
            return
        cells = [tuple(c) for c in finding.cells if c[0] in document.report.tables]
        if finding.culprit is not None and tuple(finding.culprit.cell) in cells:
            culprit = tuple(finding.culprit.cell)
            cells.remove(culprit)
            cells.insert(0, culprit)  # the likely mistake becomes the current cell
        self._linking = True
        try:
            if cells:
                table_id = cells[0][0]
                self.tabs.setCurrentWidget(self.pages[table_id])
                self.pages[table_id].view.select_addresses([c for c in cells if c[0] == table_id])
        finally:
            self._linking = False
        spans = []
        if finding.span is not None:
            spans.append(tuple(finding.span))
        for addr in cells:
            span = document.report.tables[addr[0]].cells[addr[1]][addr[2]].span
            if span is not None and span not in spans:
                spans.append(span)
        self.source.editor.show_spans(spans)
        self.show_status(finding_text(finding), 10000)

    def go_to_problem(self, step: int) -> None:
        """F8 / Shift+F8: the next or previous finding, across the three tables and the text."""
        n = self.findings_model.rowCount()
        if n == 0:
            self.show_status(self.tr("没有问题。"))
            return
        current = self.problems.currentIndex()
        row = (current.row() + step) % n if current.isValid() else (0 if step > 0 else n - 1)
        index = self.findings_model.index(row, MESSAGE_COLUMN)
        self.problems.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.problems.scrollTo(index)
        self.show_finding(index.data(FINDING_ROLE))

    def _find(self, backward: bool) -> None:
        if not self.source.find_bar.field.text():
            self.source.find_bar.open_bar()
            return
        self.source.find_bar.show()
        self.source.find_bar.find(backward=backward)

    # ================================================================ editing
    def restore_extracted(self) -> None:
        page = self.tabs.currentWidget()
        if self.document is None or page.model is None:
            return
        addrs = [a for a in page.view.selected_addresses() if a in self.document.report.corrections]
        if not addrs:
            self.show_status(self.tr("所选单元格没有修改，无需恢复。"))
            return
        self.document.restore_extracted(addrs)
        self.show_status(self.tr("已恢复 %n 格的识别值。", "", len(addrs)))

    def toggle_reviewed(self) -> None:
        if self.document is None:
            return
        reviewed = not self.document.reviewed
        errors = self.document.review.open_counts()[0]
        if reviewed and errors and not self._confirm_reviewed_with_errors(errors):
            self.act_reviewed.setChecked(False)
            self.show_status(self.tr("未标记为已复核。"))
            return
        self.document.set_reviewed(reviewed)
        self.show_status(self.tr("已标记为已复核。") if reviewed else self.tr("已取消“已复核”标记。"))

    def _confirm_reviewed_with_errors(self, errors: int) -> bool:
        """已复核 while errors are neither confirmed nor dismissed: ask first."""
        answer = QMessageBox.question(
            self,
            self.tr("仍有未处理的错误"),
            self.tr("本报告还有 %n 个错误未核实或排除。仍要标记为已复核吗？", "", errors),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def apply_pending(self) -> None:
        if self.document is not None:
            n = self.document.apply_pending()
            self.message_bar.clear()
            self.show_status(self.tr("已应用上次的 %n 处修改。", "", n))

    def discard_pending(self) -> None:
        if self.document is not None:
            self.document.discard_pending()
            self.message_bar.clear()
            self.show_status(self.tr("上次的修改已搁置，记录仍保存在修改记录文件中。"))

    def _on_save_failed(self, document: ReviewDocument, message: str) -> None:
        if document is self.document:
            self.message_bar.show_message(message, "error")
        self.show_status(message, 10000)

    def _on_save_recovered(self, document: ReviewDocument) -> None:
        if document is self.document and self.message_bar.level == "error":
            self.message_bar.clear()
            self.show_status(self.tr("修改记录已保存。"))

    # ================================================================ queue
    def _on_queue_activated(self, index: QModelIndex) -> None:
        path = index.data(PATH_ROLE)
        if path and (self.document is None or QueueModel.key(self.document.path) != path):
            self.open_document(path)

    def _select_in_queue(self, path: str) -> None:
        self.report_list.select(path)

    def _focus_queue(self) -> None:
        self.queue_dock.show()
        self.queue_view.setFocus()

    def go_to_report(self, step: int) -> None:
        """The next or previous report in the order the list shows (sorted, filtered)."""
        order = self.report_list.paths()
        if not order:
            return
        # From the report on its way, if one is: pressing it twice goes two reports on.
        current = self.session.load_key or (QueueModel.key(self.document.path) if self.document else "") or self.report_list.current_path()
        row = order.index(current) if current in order else (-1 if step > 0 else len(order))
        target = row + step
        if 0 <= target < len(order):
            self.open_document(order[target])

    def close_current(self) -> None:
        document = self.document
        if document is None:
            return
        row = self.queue.row_of(document.path)
        self.session.close(document)
        self.document = None
        # Nothing may show the closed report while the next one loads.
        self.findings_model.set_document(None)
        self._update_tab_marks(None)
        for page in self.pages.values():
            page.show_document(None)
        self.source.editor.set_report_text("")
        self.message_bar.clear()
        self._update_status_bar()
        self._update_actions()
        if self.queue.entries:
            self.open_document(self.queue.entries[min(row, len(self.queue.entries) - 1)].path)
        else:
            self._show_welcome()
        document.deleteLater()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent()
        for i, path in enumerate(recent):
            action = self.recent_menu.addAction(f"&{(i + 1) % 10} {path}")
            action.triggered.connect(lambda _c=False, p=path: self.open_paths([p]))
        if recent:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("清除列表"), self.settings.clear_recent)
        else:
            self.recent_menu.addAction(self.tr("（无）")).setEnabled(False)

    # ================================================================ export
    def export_current(self) -> None:
        from .export_actions import export_current

        export_current(self)

    def export_queue_summary(self) -> None:
        from .export_actions import export_summary_of_queue

        export_summary_of_queue(self)

    # ================================================================ settings and help
    def set_language(self, language: str) -> None:
        if language == self.settings.language:
            return
        self.settings.language = language
        self.settings.sync()
        QMessageBox.information(self, "gkdesk", self.tr("界面语言将在重新启动程序后切换。") + "\nThe interface language changes after a restart.")

    def show_shortcuts(self) -> None:
        from .help_dialogs import show_shortcuts

        show_shortcuts(self)

    def show_about(self) -> None:
        from .help_dialogs import show_about

        show_about(self)

    # ================================================================ window events
    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._size_panes)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.open_paths(paths))

    def closeEvent(self, event) -> None:
        self.review_actions.commit_opinion()
        try:
            self.saver.flush()
        except Exception:  # a stuck disk must not keep the window open forever
            pass
        unsaved = [d for d in self.documents.values() if d.save_error]
        if unsaved:
            answer = QMessageBox.warning(
                self,
                self.tr("修改尚未保存"),
                self.tr("以下报告的修改记录未能保存，退出后这些修改将丢失：\n%1\n\n仍要退出吗？").replace("%1", "\n".join(d.name for d in unsaved)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.cancel_scan()
        self.settings.save_window(self.saveGeometry(), self.saveState())
        if self._panes_sized:
            self.settings.save_splitter_state("mainSplitter", self.splitter.saveState())
            self.settings.save_splitter_state("rightSplitter", self.right.saveState())
        self.settings.sync()
        super().closeEvent(event)
