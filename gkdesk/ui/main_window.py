"""The review window: source text, the three tables, the problems list, the work queue."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QItemSelectionModel, QModelIndex, QStandardPaths, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..decoding import REPAIRS as DECODING_REPAIRS
from ..errors import GkdeskError
from ..findings import ERROR, INFO, NARRATIVE
from ..reports import REPORT_SUFFIXES
from ..schema import TABLE_IDS, table_spec
from ..sidecar import CORRUPT, RESTORED, TEXT_CHANGED
from .background import Cancelled, run_in_background
from .document import CHECK, LOAD_STEPS, PREPARE_VIEW, READ, RESTORE, AutoSaver, LoadedReport, ReviewDocument, load_for_review
from .findings_model import FINDING_ROLE, MESSAGE_COLUMN, FindingsModel, severity_icon
from .message_bar import MessageBar
from .names import finding_text, schema_text
from .queue_model import PATH_ROLE, QueueModel, status_label
from .resources import sample_working_copy
from .settings import DEFAULTS, Settings
from .source_view import SourcePane
from .textpos import view_positions
from .table_model import FormTableModel
from .table_view import FormTableView
from .worklist import UNREADABLE, Entry, scan_reports


class TablePage(QWidget):
    """One tab: the table's official title, then its grid (or why there is none)."""

    def __init__(self, table_id: str, parent=None):
        super().__init__(parent)
        self.table_id = table_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold; padding: 2px 0 4px 0;")
        self.stack = QStackedWidget(self)
        self.view = FormTableView(self)
        self.missing = QLabel(self)
        self.missing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.missing.setWordWrap(True)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.missing)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)
        self.model: FormTableModel | None = None

    def show_document(self, document: ReviewDocument | None) -> None:
        table = document.report.tables.get(self.table_id) if document else None
        spec = table.spec if table is not None else None
        if spec is None:
            version = (document.report.format if document else None) or "2021"
            spec = table_spec(version, self.table_id)
        version_text = self.tr("%1年格式").replace("%1", spec.version) if spec.version else ""
        title = f"{schema_text(spec.number)}  {schema_text(spec.title)}"
        self.title.setText(self.tr("%1　（%2）").replace("%1", title).replace("%2", version_text) if version_text else title)
        old = self.model
        if table is None:
            self.model = None
            self.view.setModel(None)
            self.missing.setText(self.tr("报告中未找到%1。").replace("%1", schema_text(spec.number)) if document else "")
            self.stack.setCurrentWidget(self.missing)
        else:
            self.model = FormTableModel(document, self.table_id, self)
            self.view.setModel(self.model)
            self.stack.setCurrentWidget(self.view)
        if old is not None:
            old.deleteLater()


def sample_copy() -> Path | None:
    """The sample report in the user's data folder (see resources.sample_working_copy)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return sample_working_copy(Path(folder) / "samples") if folder else None


class ProblemsView(QTableView):
    """The problems list. `navigated` fires only when the reviewer moves in it (keys or mouse),
    not when a re-check resets it or focus arrives, so the tables never jump on their own."""

    navigated = Signal(QModelIndex)

    def keyPressEvent(self, event) -> None:
        before = self.currentIndex()
        super().keyPressEvent(event)
        if self.currentIndex().isValid() and self.currentIndex() != before:
            self.navigated.emit(self.currentIndex())
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.navigated.emit(self.currentIndex())

    def mousePressEvent(self, event) -> None:
        super().mousePressEvent(event)
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            self.navigated.emit(index)


class MainWindow(QMainWindow):
    documentShown = Signal(object)  # ReviewDocument or None
    loaded = Signal()  # no report is being opened any more (shown, refused or cancelled)

    def __init__(self, settings: Settings | None = None, saver: AutoSaver | None = None, parent=None):
        super().__init__(parent)
        self.settings = settings or Settings()
        self.saver = saver or AutoSaver(self)
        self.documents: dict[str, ReviewDocument] = {}
        self.document: ReviewDocument | None = None
        self.queue = QueueModel(self)
        self.undo_group = QUndoGroup(self)
        self._scans: list = []  # background folder reads under way
        self._load = None  # the background load of the report asked for last (BackgroundOp)
        self._load_path = ""  # its queue key
        # Reports load on their own threads: a folder being read never makes one wait. Two, so
        # that a load given up (the reviewer moved on) may finish its step beside the next.
        self._load_pool = QThreadPool(self)
        self._load_pool.setMaxThreadCount(2)
        self._linking = False
        self.setWindowTitle(self.tr("政府信息公开年报审核"))
        self.setAcceptDrops(True)
        self._build_widgets()
        self._build_actions()
        from .review_actions import ReviewActions

        self.review_actions = ReviewActions(self)  # decisions on findings, 采用建议值, 审核意见
        self._document_actions += self.review_actions.actions
        from .view_tools import ViewTools

        self.view_tools = ViewTools(self)  # zoom (Ctrl + / − / 0) and 求和 / 计数 of a selection
        from .verify_actions import VerifyActions

        self.verify_actions = VerifyActions(self)  # page view, uncertain-value queue, export guard
        self._document_actions += [a for a in self.verify_actions.actions if a is not self.verify_actions.act_page]
        self._build_menus()
        self._restore_window()
        self._show_welcome()

    # ================================================================ construction
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
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
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

        self.queue_view = QListView(self)
        self.queue_view.setModel(self.queue)
        self.queue_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.queue_view.activated.connect(self._on_queue_activated)
        self.queue_view.clicked.connect(self._on_queue_activated)
        self.queue_dock = QDockWidget(self.tr("报告列表"), self)
        self.queue_dock.setObjectName("queueDock")
        self.queue_dock.setWidget(self.queue_view)
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
        self.cancel_scan_button = QToolButton(self)
        self.cancel_scan_button.setText(self.tr("取消"))
        self.cancel_scan_button.clicked.connect(self.cancel_scan)
        self.cancel_scan_button.hide()
        for widget in (self.load_progress, self.progress, self.cancel_scan_button, self.file_label, self.encoding_label, self.format_label, self.counts_label):
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

    def _action(self, text: str, shortcut, slot, *, checkable: bool = False, tip: str = "") -> QAction:
        action = QAction(text, self)
        shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setCheckable(checkable)
        keys = " / ".join(QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) for s in shortcuts)
        action.setToolTip(f"{tip or text.replace('…', '')} ({keys})")
        action.setStatusTip(tip or text)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        A = self._action
        K = QKeySequence.StandardKey
        self.act_open = A(self.tr("打开报告…"), K.Open, self.choose_files)
        self.act_open_folder = A(self.tr("打开文件夹…"), "Ctrl+Shift+O", self.choose_folder)
        self.act_open_sample = A(self.tr("打开示例报告"), "Ctrl+Shift+M", self.open_sample)
        self.act_export = A(self.tr("导出Excel…"), "Ctrl+E", self.export_current, tip=self.tr("把当前报告的三张表导出为官方格式的Excel"))
        self.act_export_summary = A(self.tr("导出汇总…"), "Ctrl+Shift+E", self.export_queue_summary, tip=self.tr("把报告列表中的所有报告汇总导出为Excel"))
        self.act_close = A(self.tr("关闭报告"), K.Close, self.close_current)
        self.act_quit = A(self.tr("退出"), "Ctrl+Q", self.close)  # StandardKey.Quit is empty on Windows
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.act_undo = self.undo_group.createUndoAction(self, self.tr("撤销"))
        self.act_undo.setShortcuts([QKeySequence(K.Undo)])
        self.act_redo = self.undo_group.createRedoAction(self, self.tr("重做"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        for action, tip in ((self.act_undo, self.tr("撤销")), (self.act_redo, self.tr("重做"))):
            keys = " / ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
            action.setToolTip(f"{tip} ({keys})")
            self.addAction(action)
        # Clipboard and clearing act on the table that has the keyboard (the source pane keeps its own copy).
        self.act_copy = A(self.tr("复制"), K.Copy, lambda: self._on_table(lambda v: v.copy()))
        self.act_paste = A(self.tr("粘贴"), K.Paste, lambda: self._on_table(lambda v: v.paste()), tip=self.tr("粘贴从Excel/WPS复制的数据块"))
        self.act_clear = A(self.tr("清空所选单元格"), K.Delete, lambda: self._on_table(lambda v: v.clear_selected()))
        for action in (self.act_copy, self.act_paste, self.act_clear):
            self.removeAction(action)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.tabs.addAction(action)
        self.act_restore = A(self.tr("恢复识别值"), "Ctrl+R", self.restore_extracted, tip=self.tr("把所选单元格恢复为从原文识别的数值"))
        self.act_find = A(self.tr("在原文中查找…"), K.Find, self.source.find_bar.open_bar)
        self.act_find_next = A(self.tr("查找下一个"), K.FindNext, lambda: self._find(False))
        self.act_find_prev = A(self.tr("查找上一个"), K.FindPrevious, lambda: self._find(True))

        self.act_next_problem = A(self.tr("下一个问题"), "F8", lambda: self.go_to_problem(+1))
        self.act_prev_problem = A(self.tr("上一个问题"), "Shift+F8", lambda: self.go_to_problem(-1))
        self.act_tables = [
            A(self.tr("转到%1").replace("%1", schema_text(table_spec("2021", t).number)), f"Ctrl+{i + 1}", lambda _c=False, t=t: self.show_table(t))
            for i, t in enumerate(TABLE_IDS)
        ]
        self.act_focus_source = A(self.tr("转到原文"), "Alt+1", lambda: self.source.editor.setFocus())
        self.act_focus_table = A(self.tr("转到表格"), "Alt+2", lambda: self._current_view().setFocus())
        self.act_focus_problems = A(self.tr("转到问题列表"), "Alt+3", lambda: self.problems.setFocus())
        self.act_focus_queue = A(self.tr("转到报告列表"), "Alt+4", self._focus_queue)

        self.act_reviewed = A(self.tr("标记为已复核"), "Ctrl+Return", self.toggle_reviewed, checkable=True, tip=self.tr("复核完毕后标记（再按一次取消）"))
        self.act_next_report = A(self.tr("下一份报告"), "Ctrl+PgDown", lambda: self.go_to_report(+1))
        self.act_prev_report = A(self.tr("上一份报告"), "Ctrl+PgUp", lambda: self.go_to_report(-1))
        self.act_queue = self.queue_dock.toggleViewAction()
        self.act_queue.setText(self.tr("显示报告列表"))
        self.act_queue.setShortcut(QKeySequence("Ctrl+L"))
        self.act_queue.setToolTip(self.tr("显示报告列表") + " (" + QKeySequence("Ctrl+L").toString(QKeySequence.SequenceFormat.NativeText) + ")")

        self.act_shortcuts = A(self.tr("快捷键一览"), K.HelpContents, self.show_shortcuts)
        self.act_about = A(self.tr("关于"), "Ctrl+Shift+F1", self.show_about)
        self.language_group = QActionGroup(self)
        self.act_lang_zh = A("中文", "Ctrl+Alt+C", lambda: self.set_language("zh_CN"), checkable=True)
        self.act_lang_en = A("English", "Ctrl+Alt+E", lambda: self.set_language("en"), checkable=True)
        for action in (self.act_lang_zh, self.act_lang_en):
            self.language_group.addAction(action)
        (self.act_lang_en if self.settings.language == "en" else self.act_lang_zh).setChecked(True)

        self._document_actions = [
            self.act_export, self.act_close, self.act_restore, self.act_next_problem, self.act_prev_problem,
            self.act_reviewed, *self.act_tables, self.act_copy, self.act_paste, self.act_clear,
        ]
        self._update_actions()

        toolbar = QToolBar(self.tr("工具栏"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self.act_open, self.act_open_folder, None, self.act_undo, self.act_redo, self.act_restore, None,
            self.act_prev_problem, self.act_next_problem, None, self.act_reviewed, self.act_prev_report,
            self.act_next_report, None, self.act_export,
        ):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)
        self.addToolBar(toolbar)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("文件(&F)"))
        for a in (self.act_open, self.act_open_folder):
            m.addAction(a)
        self.recent_menu = m.addMenu(self.tr("最近打开"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        m.addAction(self.act_open_sample)
        m.addSeparator()
        m.addAction(self.act_export)
        m.addAction(self.act_export_summary)
        m.addSeparator()
        m.addAction(self.act_close)
        m.addAction(self.act_quit)
        m = bar.addMenu(self.tr("编辑(&E)"))
        for a in (self.act_undo, self.act_redo, None, self.act_copy, self.act_paste, self.act_clear, self.act_restore, None, self.act_find, self.act_find_next, self.act_find_prev):
            m.addSeparator() if a is None else m.addAction(a)
        m = bar.addMenu(self.tr("转到(&G)"))
        for a in (self.act_next_problem, self.act_prev_problem, None, *self.act_tables, None, self.act_focus_source, self.act_focus_table, self.act_focus_problems, self.act_focus_queue):
            m.addSeparator() if a is None else m.addAction(a)
        m = bar.addMenu(self.tr("复核(&R)"))
        review = self.review_actions
        for a in (
            self.act_reviewed, None, review.act_accept, review.act_verify, review.act_as_printed, review.act_not_applicable,
            review.act_withdraw, None, review.act_opinion, None, self.act_next_report, self.act_prev_report, None, self.act_queue,
        ):
            m.addSeparator() if a is None else m.addAction(a)
        m = bar.addMenu(self.tr("核对(&V)"))
        verify = self.verify_actions
        for a in (verify.act_next, verify.act_prev, None, verify.act_confirm, verify.act_alternatives, None, verify.act_page):
            m.addSeparator() if a is None else m.addAction(a)
        m = bar.addMenu(self.tr("视图(&W)"))
        for a in self.view_tools.actions:
            m.addAction(a)
        m = bar.addMenu(self.tr("设置(&S)"))
        lang = m.addMenu(self.tr("界面语言"))
        lang.addAction(self.act_lang_zh)
        lang.addAction(self.act_lang_en)
        m = bar.addMenu(self.tr("帮助(&H)"))
        m.addAction(self.act_shortcuts)
        m.addAction(self.act_about)

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
        """Read and check reports off the GUI thread, with a progress bar and a cancel button.

        Several scans may run at once (a folder dropped while another loads); each adds its
        reports when it finishes, and the progress bar shows the latest one.
        """
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("正在读取…"))
        self.progress.show()
        self.cancel_scan_button.show()
        self.queue_dock.show()
        holder: dict = {}

        def latest() -> bool:
            return bool(self._scans) and self._scans[-1] is holder.get("op")

        def finish() -> None:
            self._scans = [op for op in self._scans if op is not holder.get("op") and not op.done]
            if not self._scans:
                self._end_scan()

        def done(entries: list[Entry]) -> None:
            finish()
            if not entries:
                self.show_status(self.tr("所选位置没有可打开的报告文件。"))
                return
            self.queue.update_many([e for e in entries if QueueModel.key(e.path) not in self.documents])
            self._update_actions()
            self.show_status(self.tr("已读取 %n 份报告。", "", len(entries)))
            if open_first and self.document is None and not self.loading:
                # A turn of the event loop first, so the list repaints before the report opens.
                QTimer.singleShot(0, lambda: self.document is None and not self.loading and self.open_document(entries[0].path))

        def failed(exc: BaseException) -> None:
            finish()
            if isinstance(exc, Cancelled):
                self.show_status(self.tr("已取消读取。"))
            else:
                self.show_status(self.tr("读取报告时出错：%1").replace("%1", str(exc)))

        def progressed(done_count: int, total: int, name: str) -> None:
            if not latest():
                return
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done_count)
            self.progress.setFormat(f"{done_count}/{total}")
            if name:
                self.statusBar().showMessage(self.tr("正在读取 %1").replace("%1", name), 2000)

        op = run_in_background(lambda progress: scan_reports(paths, progress), on_success=done, on_failure=failed, on_progress=progressed, parent=self)
        holder["op"] = op
        self._scans.append(op)

    def _end_scan(self) -> None:
        self.progress.hide()
        self.cancel_scan_button.setVisible(self._load is not None)

    def cancel_scan(self) -> None:
        """The 取消 button: stop reading folders and the report being opened."""
        for op in self._scans:
            op.cancel()
        if self._load is not None:
            self._load.cancel()
            self._end_load()
            self.show_status(self.tr("已取消打开。"))
            self._maybe_loaded()

    @property
    def scanning(self) -> bool:
        return any(not op.done for op in self._scans)

    def open_document(self, path: str) -> ReviewDocument | None:
        """Show one report: at once if it is open already, else once it has loaded in the
        background (a report that cannot be read says why). Returns the document shown now."""
        key = QueueModel.key(path)
        self.queue.add([key])
        document = self.documents.get(key)
        if document is not None:
            self._forget_load()
            self._show_document(document)
            return document
        if self._load is not None and self._load_path == key:
            return None  # on its way already
        self._start_load(key)
        return None

    @property
    def loading(self) -> bool:
        """A report is being opened: read and checked in the background, or its text put in view."""
        return self._load is not None or self.source.editor.loading

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

    def _start_load(self, key: str) -> None:
        """Read, recognize and check off the GUI thread (load_for_review), with a progress bar."""
        self._forget_load()
        self._load_path = key
        self._select_in_queue(key)
        name = Path(key).name
        self.load_progress.setRange(0, LOAD_STEPS)
        self.load_progress.setValue(0)
        self.load_progress.setFormat(self.tr("正在打开 %1").replace("%1", name))
        self.load_progress.setToolTip(key)
        self.load_progress.show()
        self.cancel_scan_button.show()
        self.statusBar().showMessage(self.tr("正在打开 %1…").replace("%1", name))
        holder: dict = {}

        def current() -> bool:
            return holder.get("op") is not None and holder["op"] is self._load

        def succeeded(loaded: LoadedReport) -> None:
            if current():
                self._end_load()
                self.statusBar().clearMessage()
                self._adopt(loaded)

        def failed(exc: BaseException) -> None:
            if not current():
                return
            self._end_load()
            self.statusBar().clearMessage()
            if not isinstance(exc, Cancelled):
                if isinstance(exc, GkdeskError):
                    message = str(exc)
                else:  # a bug must not take the reviewer's other reports down
                    message = self.tr("程序内部错误：%1").replace("%1", repr(exc))
                self.queue.update(Entry(key, UNREADABLE, message=message))
                self._show_unreadable(key, message)
            self._maybe_loaded()

        def progressed(step: int, total: int, _text: str) -> None:
            if current():
                self.load_progress.setRange(0, total)
                self.load_progress.setValue(step)
                self.load_progress.setFormat(f"{name}：{self._load_step_name(step)}")

        holder["op"] = self._load = run_in_background(
            lambda progress: load_for_review(key, progress),
            on_success=succeeded,
            on_failure=failed,
            on_progress=progressed,
            parent=self,
            pool=self._load_pool,
        )

    def _load_step_name(self, step: int) -> str:
        return {
            READ: self.tr("读取和识别…"),
            RESTORE: self.tr("恢复修改记录…"),
            CHECK: self.tr("检查…"),
            PREPARE_VIEW: self.tr("准备原文…"),
        }.get(step, "")

    def _forget_load(self) -> None:
        """Give up the load under way, if any (its result, when it comes, is dropped)."""
        if self._load is not None:
            self._load.cancel()
            self._end_load()

    def _end_load(self) -> None:
        self._load = None
        self._load_path = ""
        self.load_progress.hide()
        self.cancel_scan_button.setVisible(self.scanning)

    def _adopt(self, loaded: LoadedReport) -> ReviewDocument:
        """Make the document of a loaded report (on the GUI thread), keep it and show it."""
        key = QueueModel.key(loaded.path)
        document = ReviewDocument.from_loaded(loaded, self.saver, self)
        self.documents[key] = document
        document.findingsChanged.connect(self._on_document_changed)
        document.reviewStatusChanged.connect(self._on_review_status_changed)
        document.saveFailed.connect(lambda message, d=document: self._on_save_failed(d, message))
        document.saveSucceeded.connect(lambda d=document: self._on_save_recovered(d))
        self.undo_group.addStack(document.undo_stack)
        self._show_document(document)
        return document

    def _show_unreadable(self, path: str, message: str) -> None:
        self._forget_clean_documents(keep=None)
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
        self._forget_clean_documents(keep=document)
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
        needed = sum(view.columnWidth(c) for c in range(view.model().columnCount())) + view.verticalScrollBar().sizeHint().width() + 40
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

    KEEP_CLEAN_DOCUMENTS = 8

    def _forget_clean_documents(self, keep: ReviewDocument | None) -> None:
        """Keep every document with undo history (or unsaved work) and the few clean ones seen
        last; older clean ones are dropped: they reopen from file and sidecar in milliseconds."""
        if keep is not None:  # most recently shown last
            key = QueueModel.key(keep.path)
            self.documents.pop(key, None)
            self.documents[key] = keep
        clean = [k for k, d in self.documents.items() if d is not keep and not d.undo_stack.count() and not d.save_error]
        for key in clean[: max(0, len(clean) - self.KEEP_CLEAN_DOCUMENTS)]:
            doc = self.documents.pop(key)
            self.undo_group.removeStack(doc.undo_stack)
            doc.deleteLater()

    def _show_load_message(self, document: ReviewDocument) -> None:
        result = document.load_result
        if document.has_pending:
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

    def _before_findings_reset(self) -> None:
        current = self.problems.currentIndex()
        finding = current.data(FINDING_ROLE) if current.isValid() else None
        self._kept_finding = (finding.rule, tuple(map(tuple, finding.cells[:1]))) if finding is not None else None

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
        if self.problems.verticalHeader().sectionResizeMode(0) != fit or n == 0:
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
        n = len(self.queue.entries)
        row = self.queue.row_of(self.document.path) if has else -1
        self.act_next_report.setEnabled(n > 1 and row < n - 1)
        self.act_prev_report.setEnabled(n > 1 and row > 0)

    def show_status(self, text: str, timeout: int = 6000) -> None:
        self.statusBar().showMessage(text, timeout)

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
        row = self.queue.row_of(path)
        if row >= 0:
            self.queue_view.setCurrentIndex(self.queue.index(row))

    def _focus_queue(self) -> None:
        self.queue_dock.show()
        self.queue_view.setFocus()

    def go_to_report(self, step: int) -> None:
        n = len(self.queue.entries)
        if n == 0:
            return
        # From the report on its way, if one is: pressing F6 twice goes two reports on.
        current = self._load_path or (self.document.path if self.document else "")
        row = self.queue.row_of(current) if current else self.queue_view.currentIndex().row()
        target = row + step
        if 0 <= target < n:
            self.open_document(self.queue.entries[target].path)

    def close_current(self) -> None:
        document = self.document
        if document is None:
            return
        row = self.queue.row_of(document.path)
        self.queue.remove(document.path)
        self.undo_group.removeStack(document.undo_stack)
        self.documents.pop(QueueModel.key(document.path), None)
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
