import logging
import stat
import zipfile
from pathlib import Path

from app.core.contract import CallResult, Endpoint, FileSource, IdNumberData, IdNumberRequest
from app.core.diagnostics import export_diagnostics
from app.core.history import History
from app.core.logs import Redactor, logger, setup_logging
from app.core.signing import sign

SECRET = "Zq9-distinctive-secret-7781"
NAME = "欧阳锋"
ID = "11010519491231002X"


def test_log_file_scrubs_whatever_the_message(tmp_path: Path) -> None:
    redactor = Redactor()
    path = setup_logging(tmp_path / "logs", redactor)
    redactor.add_secret(SECRET)
    redactor.add_name(NAME)
    signature = sign("id", SECRET, "1700000000000")
    log = logger()
    log.info("calling with secret %s for %s", SECRET, NAME)
    log.warning("form: sign=%s id_number=%s", signature, ID)
    log.info("json {\"api_secret\": \"other-value-123\"}")
    try:
        int(f"boom {ID} {SECRET}")  # a traceback whose message carries the secret and the ID number
    except ValueError:
        log.exception("failed")
    for handler in log.handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "calling with secret [secret] for 欧**" in text
    assert "110105********002X" in text
    for leaked in (SECRET, NAME, ID, signature, "other-value-123"):
        assert leaked not in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_diagnostics_zip(tmp_path: Path) -> None:
    redactor = Redactor()
    log_path = setup_logging(tmp_path / "logs", redactor)
    redactor.add_secret(SECRET)
    logger().info("secret %s", SECRET)
    for handler in logger().handlers:
        handler.flush()
    settings = tmp_path / "settings.json"
    settings.write_text('{"profiles": [{"name": "北京分行"}]}', encoding="utf-8")
    history = History(tmp_path / "h.sqlite3")
    request = IdNumberRequest(NAME, ID, FileSource(Path("c.dat")))
    history.record_result("北京分行", request, CallResult(Endpoint.ID_NUMBER, IdNumberData(1, 1, 1, 60.0), "R", "S", 1),
                          0.7)
    out = export_diagnostics(tmp_path / "diag.zip", log_path.parent, settings, history, {"qt": "6.x"},
                             redactor=redactor)
    history.close()
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        blob = b"".join(archive.read(n) for n in names).decode("utf-8")
    assert {"versions.json", "settings.json", "history-recent.csv", "logs/linkface-desk.log"} <= names
    assert "北京分行" in blob and "欧**" in blob and "110105********002X" in blob
    for leaked in (SECRET, NAME, ID):
        assert leaked not in blob
    logging.getLogger("linkface").handlers.clear()


def test_log_files_stay_private_after_rollover(tmp_path: Path) -> None:
    import logging.handlers
    import os

    previous = os.umask(0o022)
    try:
        path = setup_logging(tmp_path / "logs", Redactor())
        handler = next(h for h in logger().handlers if isinstance(h, logging.handlers.RotatingFileHandler))
        logger().info("before")
        handler.doRollover()  # what a full file triggers
        logger().info("after")
    finally:
        os.umask(previous)
    files = sorted(path.parent.iterdir())
    assert [f.name for f in files] == ["linkface-desk.log", "linkface-desk.log.1"]
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)
    logging.getLogger("linkface").handlers.clear()
