"""What the CLI and the window share: profiles, secrets, history, logging and the sandbox.

It sits above core and sandbox because the built-in Sandbox profile starts an in-process sandbox
server on a free loopback port. Every call goes through `Runtime.run`, the one place that
resolves the account, sends, records history and logs.

No billable call is sent unless its history row could be written first; what comes back is
scrubbed of the customer's name and ID number (whatever the server echoes) before it is kept,
logged or shown; and a record that cannot be completed afterwards goes to the fallback journal.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core import paths
from app.core.cases import Consent, Decision, Policy, is_minor, new_case_id, notice_version
from app.core.connection import Connection, Progress, ProxyMode
from app.core.contract import CallResult, FieldKind, Request
from app.core.endpoints import person_values, read, spec
from app.core.errors import ApiError, InputRejected, LinkFaceError, ProtocolError, RecordState
from app.core.history import (
    BilledCounts,
    CaseRow,
    History,
    HistoryError,
    failure_values,
    mask,
    os_account,
    result_values,
)
from app.core.interpret import Checked, Verdict
from app.core.journal import Journal
from app.core.logs import Redactor, logger, setup_logging
from app.core.profiles import PROXY_NONE, PROXY_SYSTEM, Profile, ProfileStore
from app.core.secrets import SECRET_ENV, KeyringSecretStore, SecretStore, secret_for
from app.core.signing import new_sequence_id

if TYPE_CHECKING:
    from app.core.client import KeptSessions, LinkFaceClient
    from app.sandbox.server import Sandbox

HISTORY_FILE = "history.sqlite3"


def profile_connection(profile: Profile, secret: str) -> Connection:
    """What the client needs to call on a profile, signed with ``secret`` (Runtime.connection_for finds it)."""
    mode = {PROXY_SYSTEM: ProxyMode.SYSTEM, PROXY_NONE: ProxyMode.NONE}.get(profile.proxy, ProxyMode.EXPLICIT)
    return Connection(
        base_url=profile.base_url, api_id=profile.api_id, api_secret=secret, timestamp_unit=profile.timestamp_unit,
        connect_timeout=profile.connect_timeout, read_timeout=profile.read_timeout, proxy_mode=mode,
        proxy_url=profile.proxy if mode is ProxyMode.EXPLICIT else "", ca_bundle=profile.ca_bundle,
        detection_types=profile.detection_types,
    )


class Runtime:
    """Long-lived services for one user session. Thread-safe: the window calls `run` from workers.

    ``history`` is None when the history file cannot be used; ``history_problem`` then says why, and
    billable calls are refused until it is fixed. ``journal_merged`` counts the records of an earlier
    session's disk trouble added to history at this start; ``log_problem`` says why there is no log file.
    """

    def __init__(
        self,
        environ: Mapping[str, str] | None = None,
        profiles: ProfileStore | None = None,
        secrets: SecretStore | None = None,
        log_to_file: bool = True,
        sandbox: Sandbox | None = None,
    ) -> None:
        """``sandbox``: an already running sandbox for the Sandbox profile (tests, demos); left running on close."""
        self.environ = dict(os.environ if environ is None else environ)
        self.profiles = profiles or ProfileStore.open_default(self.environ)
        self.secrets: SecretStore = secrets or KeyringSecretStore()
        # Learns the secrets, names and ID numbers in use; scrubs the log, server texts and diagnostics.
        self.redactor = Redactor()
        self.log_file: Path | None = None
        self.log_problem: str | None = None
        if log_to_file:
            try:
                self.log_file = setup_logging(paths.log_dir(self.environ), self.redactor)
            except OSError as exc:  # a log folder that is a file, or not writable: work on, say so
                self.log_problem = f"{paths.log_dir(self.environ)}: {exc.strerror or exc}"
        self.journal = Journal(paths.log_dir(self.environ))
        self.journal_merged = 0
        self.history: History | None = None
        self.history_problem: HistoryError | None = None
        self._open_history()
        self._lock = threading.Lock()
        self._closed = False
        self._sandbox = sandbox
        self._owns_sandbox = sandbox is None
        self._sessions: KeptSessions | None = None  # one kept-alive session per profile, made on first call
        self.started_ms = int(time.time() * 1000)  # cases of the window opened before this are an ended session's

    def _open_history(self) -> None:
        self.history, self.history_problem = None, None
        try:
            self.history = History(paths.data_dir(self.environ) / HISTORY_FILE)
            self.history.purge_older_than(self.history.retention_days)
            self.journal_merged = self.journal.merge_into(self.history)
        except HistoryError as problem:
            self.history_problem = problem
            logger().error("history unavailable: %s", problem)
        except OSError as exc:  # the journal could not be read or emptied: it stays for the next start
            logger().error("fallback journal %s not merged: %s", self.journal.path, exc)

    def move_history_aside(self) -> Path:
        """With the operator's agreement: keep the damaged history file for IT and start a new one."""
        if self.history_problem is None or self.history_problem.kind != "damaged" \
                or self.history_problem.path is None:
            raise RuntimeError("only a damaged history file is moved aside")
        aside = History.move_aside(self.history_problem.path)
        logger().warning("damaged history moved aside to %s", aside)
        self._open_history()
        return aside

    # --- accounts --------------------------------------------------------------------------------

    @property
    def sandbox(self) -> Sandbox:
        """The in-process sandbox behind the Sandbox profile, started on first use (faults go here)."""
        with self._lock:
            if self._closed:
                raise RuntimeError("the runtime is closed")  # e.g. a warm-up that outlived the window
            if self._sandbox is None:
                from app.sandbox.server import Sandbox

                store = paths.private_dir(paths.private_dir(paths.cache_dir(self.environ)) / "sandbox")
                self._sandbox = Sandbox(store_dir=store).start()
            return self._sandbox

    def _sandbox_connection(self, profile: Profile) -> Connection:
        from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET

        # It is on this computer: never through a proxy, whatever HTTP(S)_PROXY says.
        return dataclasses.replace(profile_connection(profile, SANDBOX_API_SECRET), base_url=self.sandbox.base_url,
                                   api_id=SANDBOX_API_ID, proxy_mode=ProxyMode.NONE, proxy_url="")

    def connection_for(self, profile: Profile) -> Connection:
        """The profile with its secret ($LINKFACE_API_SECRET or the keychain's), or the Sandbox with the running
        sandbox's address and credentials. Raises InputRejected when no secret is saved, KeychainUnavailable
        when the keychain cannot answer."""
        if profile.is_sandbox:
            return self._sandbox_connection(profile)
        secret = secret_for(profile, self.secrets, self.environ)
        self.redactor.add_secret(secret)  # whatever is logged from here on, the log file never holds it
        return profile_connection(profile, secret)

    def has_secret(self, profile_name: str) -> bool:
        """Whether calls on the profile have a secret to sign with ($LINKFACE_API_SECRET, the keychain's, or
        none needed: the Sandbox), without reading it; raises KeychainUnavailable when the keychain cannot say."""
        profile = self.profiles.get(profile_name)
        return profile.is_sandbox or bool(self.environ.get(SECRET_ENV, "").strip()) or self.secrets.has(profile.name)

    def is_sandbox(self, profile_name: str) -> bool:
        return self.profiles.get(profile_name).is_sandbox

    def face_threshold(self, profile_name: str) -> float:
        return self.profiles.get(profile_name).face_threshold

    def client_for(self, profile: Profile) -> LinkFaceClient:
        """A client on the profile's kept-alive session (the window's calls and a batch's share its connections);
        a new session when the profile's settings or its secret changed since. Close the client after the call."""
        from app.core.client import KeptSessions, LinkFaceClient  # the HTTP stack loads with the first call

        connection = self.connection_for(profile)
        with self._lock:
            if self._closed:  # a call that outlived the window: a session of its own, closed with it
                return LinkFaceClient(connection)
            if self._sessions is None:
                self._sessions = KeptSessions()
            sessions = self._sessions
        return sessions.client(profile.name, connection)

    def warm_up(self, profile_name: str) -> None:
        """Load what the first call needs before the clerk presses Verify: the HTTP stack, and the
        sandbox when that is the profile. For a worker thread: the window is ready to check without it."""
        import app.core.client  # noqa: F401 -- imported for its side effect: loaded once, for every call

        if self.profiles.get(profile_name).is_sandbox:
            _ = self.sandbox

    # --- calls -----------------------------------------------------------------------------------

    def run(
        self, profile: Profile | str, request: Request, progress: Progress | None = None,
        sequence_id: str | None = None, case_id: str | None = None,
    ) -> Checked:
        """Send one call on a profile, read its result once, record it in history and the log; raises
        LinkFaceError subclasses.

        Input rejected locally is not recorded: nothing was sent. A billable call whose history row
        cannot be written is refused (HistoryError) before anything is sent. ``record`` on the answer
        (or the error) says where its record went. A face call is made in a case (``case_id``) whose consent
        allows it (a guardian's for a minor), and is recorded as one of its calls; without a case it is refused
        while the policy requires consent (the sandbox too: training matches production).
        """
        if isinstance(profile, str):
            profile = self.profiles.get(profile)
        if case_id is not None:
            self._enter_case(case_id, request)
        elif spec(request.endpoint).face_data and self.policy.require_consent:
            raise InputRejected("consent", "required")
        for kind, value in person_values(request).items():  # scrubbed from whatever is kept or logged
            self.redactor.add_name(value) if kind is FieldKind.NAME else self.redactor.add_id_number(value)
        sequence_id = sequence_id or new_sequence_id()
        started = time.monotonic()
        endpoint = request.endpoint.value
        recording = _Recording(self, profile, case_id)
        try:
            with self.client_for(profile) as client:
                result = client.call(request, sequence_id=sequence_id, progress=progress, before_send=recording.begin)
        except (InputRejected, HistoryError):
            recording.discard()  # refused before sending (a file that vanished after it was checked)
            raise
        except LinkFaceError as error:
            _scrub_error(error, self.redactor)
            logger().warning("call %s on %r failed (sequence_id %s): %s", endpoint, profile.name, sequence_id, error)
            sequence_id = getattr(error, "sequence_id", "") or sequence_id
            error.record = recording.finish(failure_values(
                profile.name, request, error, sequence_id, time.monotonic() - started, profile.is_sandbox)
                | {"case_id": case_id})
            raise
        result = _scrub_result(result, self.redactor)
        reading = read(result, profile.face_threshold)
        logger().info("call %s on %r: %s, request_id %s, billed %s, %.0f ms", endpoint, profile.name,
                      reading.verdict.value, result.request_id, result.billed, result.duration_s * 1000)
        record = recording.finish(result_values(profile.name, request, result, reading, profile.is_sandbox)
                                  | {"case_id": case_id})
        return Checked(result, reading, record)

    # --- cases -----------------------------------------------------------------------------------

    @property
    def policy(self) -> Policy:
        return self.profiles.counter.policy

    def _case_history(self) -> History:
        if self.history is None:
            raise self.history_problem or HistoryError("other", None, "history not opened")
        return self.history

    def _open(self, case_id: str) -> CaseRow:
        case = self._case_history().case(case_id)
        if case is None or case.closed_ms is not None:
            raise InputRejected("case", "case_not_open", case=case_id)
        return case

    def open_case(self, profile: Profile | str, source: str = "window", consent: Consent | None = None,
                  notice: str = "", id_number: str | None = None, name: str | None = None,
                  opened_ms: int | None = None) -> str:
        """A new customer: the case is recorded at once, so it is never lost (closed without a decision, it
        says so); with ``consent``, checked first (nothing is written if it is refused). Returns its id."""
        if isinstance(profile, str):
            profile = self.profiles.get(profile)
        if consent is not None and consent is not Consent.DECLINED:
            self.policy.check_consent(consent, _minor(id_number))
        case_id = new_case_id(dt.datetime.now())
        self._case_history().open_case(case_id, profile.name, source, self.profiles.counter.staff_id or None,
                                       profile.is_sandbox, opened_ms)
        if consent is not None:
            self.record_consent(case_id, consent, notice, id_number, name)
        return case_id

    def record_consent(self, case_id: str, consent: Consent, notice: str = "", id_number: str | None = None,
                       name: str | None = None) -> bool:
        """Record how the customer consented (or declined) before any face call; ``notice`` is the exact text
        shown; the customer as typed (``name``, ``id_number``) is kept masked, so a declined case names her
        too. A minor (from ``id_number``, today) needs a guardian's consent. Returns whether she is a minor."""
        case = self._open(case_id)
        minor = _minor(id_number)
        if consent is not Consent.DECLINED:
            self.policy.check_consent(consent, minor)
        history = self._case_history()
        history.update_case(case_id, consent=consent.value, consent_ms=history.now_ms(), minor=int(minor),
                            notice_version=notice_version(notice) if notice else None,
                            **_customer_unknown(case, {FieldKind.NAME: name, FieldKind.ID_NUMBER: id_number}))
        logger().info("case %s: consent %s%s", case_id, consent.value, " (a minor)" if minor else "")
        return minor

    def discard_case(self, case_id: str) -> None:
        """Forget a case that made no call and has no decision (its only call was refused before sending)."""
        self._case_history().discard_case(case_id)

    def _enter_case(self, case_id: str, request: Request) -> None:
        """Before a call of the case: its consent allows it (refused otherwise, nothing sent), and the case
        learns its customer (masked) from the first call that names one."""
        case = self._open(case_id)
        person = person_values(request)
        if spec(request.endpoint).face_data:
            minor = bool(case.minor) or _minor(person.get(FieldKind.ID_NUMBER))
            self.policy.check_consent(Consent(case.consent), minor)
        learnt = _customer_unknown(case, person)
        if learnt:
            self._case_history().update_case(case_id, **learnt)

    def decide(self, case_id: str, decision: Decision) -> Decision:
        """Record the clerk's decision, checked against the policy for the case's last verdict (a second
        person's staff ID where it asks for one). Returns the decision as recorded."""
        case = self._open(case_id)
        history = self._case_history()
        verdicts = [call.verdict for call in history.case_calls(case_id) if call.verdict]
        checked = self.policy.check_decision(decision, Verdict(verdicts[-1]) if verdicts else None, case.staff_id)
        history.update_case(case_id, decision=checked.outcome.value, reason=checked.reason,
                            decided_ms=history.now_ms(), supervisor=checked.supervisor,
                            supervisor_reason=checked.supervisor_reason, alternative=checked.alternative)
        logger().info("case %s: decision %s (%s)%s", case_id, checked.outcome.value, checked.reason,
                      f", approved by {checked.supervisor}" if checked.supervisor else "")
        return checked

    def close_case(self, case_id: str) -> None:
        """The customer has gone: without a decision the case is recorded as no decision."""
        self._case_history().close_case(case_id)

    def close_stale_window_cases(self) -> int:
        """At the window's start: the window's cases still open from before it started were left by a session
        that ended without closing them (a crash, a power cut); they are closed as no decision. Returns how many.
        The CLI never calls this: a script's case stays open between its commands."""
        if self.history is None:
            return 0
        closed = self.history.close_open_cases("window", self.started_ms)
        if closed:
            logger().warning("%d case(s) of an earlier window session closed as no decision", closed)
        return closed

    def export_diagnostics(self, out: Path, versions: dict[str, Any] | None = None) -> Path:
        """The support zip: logs, versions, settings (no secrets) and recent history (masked)."""
        from app.core.diagnostics import export_diagnostics

        return export_diagnostics(out, paths.log_dir(self.environ), self.profiles.path, self.history, versions,
                                  redactor=self.redactor)

    def billed_counts(self, profile_name: str) -> BilledCounts:
        return self.history.billed_counts(profile_name) if self.history is not None else BilledCounts(0, 0)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._sessions is not None:
                self._sessions.close()  # idle connections now; one a call is using, when that call ends
            if self._sandbox is not None and self._owns_sandbox:
                self._sandbox.stop()
            self._sandbox = None
        if self.history is not None:
            self.history.close()

    def __enter__(self) -> Runtime:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class _Recording:
    """The history row of one call: written before it is sent, completed (or journalled) after."""

    def __init__(self, runtime: Runtime, profile: Profile, case_id: str | None = None) -> None:
        self._runtime = runtime
        self._profile = profile
        self._case_id = case_id
        self._row_id: int | None = None

    def begin(self, request: Request, sequence_id: str) -> None:
        """Runs once the request passed every local check; raising here means nothing is sent."""
        if not self._profile.record_history:
            return
        history = self._runtime.history
        if history is None:
            if spec(request.endpoint).billable and self._runtime.history_problem is not None:
                raise self._runtime.history_problem
            return
        try:
            self._row_id = history.begin(self._profile.name, request, sequence_id, self._profile.is_sandbox,
                                         self._case_id)
        except HistoryError:
            if spec(request.endpoint).billable:
                raise
            logger().warning("a %s call is sent without its history row (never billed)", request.endpoint.value)

    def discard(self) -> None:
        history = self._runtime.history
        if self._row_id is not None and history is not None:
            try:
                history.discard(self._row_id)
            except HistoryError as problem:
                logger().error("pending history row %s not removed: %s", self._row_id, problem)

    def finish(self, row: dict[str, Any]) -> RecordState:
        """Complete the row; if the history cannot take it, append it to the journal."""
        if not self._profile.record_history:
            return RecordState.NOT_RECORDED
        history = self._runtime.history
        try:
            if history is None:
                raise self._runtime.history_problem or HistoryError("other", None, "history not opened")
            if self._row_id is None:
                history.add(row)
            else:
                history.finish(self._row_id, row)
            return RecordState.RECORDED
        except HistoryError as problem:
            logger().error("call %s not recorded in history (%s): writing the fallback journal",
                           row.get("sequence_id"), problem)
        row = {"at_ms": int(time.time() * 1000), "operator": os_account(), **row}
        try:
            self._runtime.journal.append(row)
            return RecordState.JOURNALED
        except OSError as exc:
            logger().error("call %s recorded nowhere: the journal %s failed too: %s", row.get("sequence_id"),
                           self._runtime.journal.path, exc)
            return RecordState.LOST


def _customer_unknown(case: CaseRow, person: Mapping[FieldKind, str | None]) -> dict[str, str]:
    """The masked name and ID number the case does not hold yet, from what the customer typed or a call sent."""
    columns = {FieldKind.NAME: "name_masked", FieldKind.ID_NUMBER: "id_masked"}
    return {column: mask(kind, value) for kind, column in columns.items()
            if (value := person.get(kind)) and getattr(case, column) is None}


def _minor(id_number: str | None) -> bool:
    """Under 14 today, by a valid ID number; False without one (a selfie call names no one)."""
    if not id_number:
        return False
    try:
        return is_minor(id_number, dt.date.today())
    except InputRejected:
        return False  # not a valid number: the call itself refuses it


def _scrub_result(result: CallResult[Any], scrub: Redactor) -> CallResult[Any]:
    """The server's own texts and ids, with the customer's name and ID number (in any encoding) masked."""
    data = result.data
    strings = {f.name: scrub(v) for f in dataclasses.fields(data) if isinstance(v := getattr(data, f.name), str)}
    return dataclasses.replace(result, data=dataclasses.replace(data, **strings), raw=scrub(result.raw),
                               msg=None if result.msg is None else scrub(result.msg),
                               request_id=scrub(result.request_id))


def _scrub_error(error: LinkFaceError, scrub: Redactor) -> None:
    """Scrub what the server sent into an error, in place (it is raised on to the caller)."""
    if isinstance(error, ApiError):
        error.msg = None if error.msg is None else scrub(error.msg)
        error.raw, error.request_id = scrub(error.raw), scrub(error.request_id)
    if isinstance(error, ProtocolError):
        error.raw, error.reason = scrub(error.raw), scrub(error.reason)
    error.args = tuple(scrub(a) if isinstance(a, str) else a for a in error.args)
