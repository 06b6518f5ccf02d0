"""The words of what the server, the network, the disk and the keychain can do to a call.

API codes (the document's union over the endpoints): what happened and what the operator does now.
The vendor's own Chinese names of the codes are the base of the Chinese headlines.
"""

from __future__ import annotations

from app.i18n import QT_TRANSLATE_NOOP

# code -> (what happened, what to do now)
CODES: dict[str, tuple[str, str]] = {
    "0000": (QT_TRANSLATE_NOOP("Codes", "Success"), QT_TRANSLATE_NOOP("Codes", "Nothing to do.")),
    "1000": (QT_TRANSLATE_NOOP("Codes", "Signature check failed"),
             QT_TRANSLATE_NOOP("Codes", "The API secret or this computer's clock may be wrong: ask your administrator "
                                        "to check them with Settings → Test connection.")),
    "1001": (QT_TRANSLATE_NOOP("Codes", "A parameter is not UTF-8"),
             QT_TRANSLATE_NOOP("Codes", "Check the name and other inputs for unusual characters; call IT if it "
                                        "persists.")),
    "1002": (QT_TRANSLATE_NOOP("Codes", "Bad request parameter"),
             QT_TRANSLATE_NOOP("Codes", "Check the inputs; if they are right, quote the request_id to support.")),
    "1003": (QT_TRANSLATE_NOOP("Codes", "Liveness file is invalid"),
             QT_TRANSLATE_NOOP("Codes", "The liveness file is damaged or not from the SDK: ask the customer to "
                                        "capture again.")),
    "1004": (QT_TRANSLATE_NOOP("Codes", "No face detected"),
             QT_TRANSLATE_NOOP("Codes", "Ask the customer to retake, facing the camera in good light.")),
    "1005": (QT_TRANSLATE_NOOP("Codes", "Fetching the network image timed out"),
             QT_TRANSLATE_NOOP("Codes", "Check that the URL is reachable and retry, or upload the file instead.")),
    "1006": (QT_TRANSLATE_NOOP("Codes", "Fetching the network image failed"),
             QT_TRANSLATE_NOOP("Codes", "Check the URL, or upload the file instead.")),
    "1007": (QT_TRANSLATE_NOOP("Codes", "Application frozen (not authorized)"),
             QT_TRANSLATE_NOOP("Codes", "The account is frozen: contact your administrator and the vendor.")),
    "1008": (QT_TRANSLATE_NOOP("Codes", "Application expired"),
             QT_TRANSLATE_NOOP("Codes", "The account has expired: ask your administrator to renew it.")),
    "1009": (QT_TRANSLATE_NOOP("Codes", "Call rate too high"),
             QT_TRANSLATE_NOOP("Codes", "Wait a minute before trying again.")),
    "1010": (QT_TRANSLATE_NOOP("Codes", "Free quota used up"),
             QT_TRANSLATE_NOOP("Codes", "The call quota is used up: contact your administrator.")),
    "1011": (QT_TRANSLATE_NOOP("Codes", "No permission for this service"),
             QT_TRANSLATE_NOOP("Codes", "The account is not enabled for this service: contact your administrator.")),
    "1012": (QT_TRANSLATE_NOOP("Codes", "Wrong request path"),
             QT_TRANSLATE_NOOP("Codes", "Check the profile's base URL; call IT if it persists.")),
    "1013": (QT_TRANSLATE_NOOP("Codes", "Image too large"),
             QT_TRANSLATE_NOOP("Codes", "Use a photo of at most 5 MB.")),
    "1014": (QT_TRANSLATE_NOOP("Codes", "Image does not exist"),
             QT_TRANSLATE_NOOP("Codes", "The image id is unknown or expired: upload the photo again.")),
    "1015": (QT_TRANSLATE_NOOP("Codes", "Not an image, or damaged"),
             QT_TRANSLATE_NOOP("Codes", "Choose a valid JPG, PNG, BMP, GIF or TIFF photo.")),
    "1016": (QT_TRANSLATE_NOOP("Codes", "Image size or format not accepted"),
             QT_TRANSLATE_NOOP("Codes", "The photo must be 9 to 4000 pixels wide and high, in JPG, PNG, BMP, GIF "
                                        "or TIFF.")),
    "1017": (QT_TRANSLATE_NOOP("Codes", "Data-source service error"),
             QT_TRANSLATE_NOOP("Codes", "The ID data source is unavailable: try again later.")),
    "9999": (QT_TRANSLATE_NOOP("Codes", "Other error (server internal error)"),
             QT_TRANSLATE_NOOP("Codes", "Try again later; if it persists, quote the request_id to support.")),
}
# 1000 when the answer's Date header shows this computer's clock off by more than CLOCK_OFF_AFTER_S
SIGNATURE_REFUSED = "1000"
CLOCK_OFF_AFTER_S = 60
CLOCK_BEHIND = QT_TRANSLATE_NOOP("Codes", "This computer's clock is {offset} behind the server's: set the clock right, "
                                          "then try again.")
CLOCK_AHEAD = QT_TRANSLATE_NOOP("Codes", "This computer's clock is {offset} ahead of the server's: set the clock "
                                         "right, then try again.")
DURATIONS = {  # the two largest units of a clock offset
    "minutes": QT_TRANSLATE_NOOP("Codes", "{minutes} min {seconds} s"),
    "hours": QT_TRANSLATE_NOOP("Codes", "{hours} h {minutes} min"),
    "days": QT_TRANSLATE_NOOP("Codes", "{days} d {hours} h"),
}
UNKNOWN_CODE = (QT_TRANSLATE_NOOP("Codes", "Unknown code {code}"),
                QT_TRANSLATE_NOOP("Codes", "Quote the code and the request_id to support."))

# TransportKind value -> (what happened, what to do now)
TRANSPORT: dict[str, tuple[str, str]] = {
    "dns": (QT_TRANSLATE_NOOP("Transport", "The server's name could not be resolved."),
            QT_TRANSLATE_NOOP("Transport", "Check the base URL and the network; call IT if other sites also fail.")),
    "refused": (QT_TRANSLATE_NOOP("Transport", "The server refused the connection."),
                QT_TRANSLATE_NOOP("Transport", "Check the base URL and port, and that the service is up.")),
    "timeout": (QT_TRANSLATE_NOOP("Transport", "The server did not answer in time."),
                QT_TRANSLATE_NOOP("Transport", "Check the network, then try again.")),
    "tls": (QT_TRANSLATE_NOOP("Transport", "The server's certificate could not be verified."),
            QT_TRANSLATE_NOOP("Transport", "Ask IT whether a corporate CA must be added to the profile's trust "
                                           "settings.")),
    "proxy": (QT_TRANSLATE_NOOP("Transport", "The proxy could not be reached or refused the request."),
              QT_TRANSLATE_NOOP("Transport", "Check the profile's proxy setting with IT.")),
    "other": (QT_TRANSLATE_NOOP("Transport", "The connection failed."),
              QT_TRANSLATE_NOOP("Transport", "Check the network and try again.")),
    "deadline": (QT_TRANSLATE_NOOP("Transport", "The server took too long to answer the whole call."),
                 QT_TRANSLATE_NOOP("Transport", "Check the network, then try again.")),
}
# TransportKind value -> the failure in two or three words (History's outcome column)
TRANSPORT_NAMES: dict[str, str] = {
    "dns": QT_TRANSLATE_NOOP("Transport", "Server name not found"),
    "refused": QT_TRANSLATE_NOOP("Transport", "Connection refused"),
    "timeout": QT_TRANSLATE_NOOP("Transport", "No answer in time"),
    "tls": QT_TRANSLATE_NOOP("Transport", "Certificate not trusted"),
    "proxy": QT_TRANSLATE_NOOP("Transport", "Proxy failed"),
    "other": QT_TRANSLATE_NOOP("Transport", "Connection failed"),
    "deadline": QT_TRANSLATE_NOOP("Transport", "Call took too long"),
}
UNKNOWN_BILLING = QT_TRANSLATE_NOOP(
    "Transport", "The call may have been billed: look it up in History by its sequence id before you retry.")
NOT_BILLED_RETRY = QT_TRANSLATE_NOOP("Transport", "Nothing was billed: try once more.")
PROTOCOL = QT_TRANSLATE_NOOP("Transport", "The server's answer could not be read")
PROTOCOL_DETAIL = QT_TRANSLATE_NOOP("Transport", "The server's answer could not be used: {reason}.")

# HistoryError kind -> what is wrong and what to do
HISTORY: dict[str, str] = {
    "damaged": QT_TRANSLATE_NOOP(
        "Problems", "The history file {path} is damaged ({detail}); it was left as it is. Move it aside to start a "
                    "new history (History page, or linkface-desk history --move-aside), and keep it for IT."),
    "newer_version": QT_TRANSLATE_NOOP(
        "Problems", "The history file {path} was written by a newer LinkFace Desk ({detail}); update the app. The "
                    "file was not changed."),
    "disk_full": QT_TRANSLATE_NOOP(
        "Problems", "The disk that holds the history ({folder}) is full: free some space on it, then try again. "
                    "Nothing was sent."),
    "is_folder": QT_TRANSLATE_NOOP(
        "Problems", "The history path {path} is a folder, not a file: ask IT to remove or rename it. Nothing was "
                    "sent."),
    "not_writable": QT_TRANSLATE_NOOP(
        "Problems", "The history file {path} cannot be written (permission denied or read-only): ask IT to fix its "
                    "permissions. Nothing was sent."),
    "busy": QT_TRANSLATE_NOOP(
        "Problems", "Another program is holding the history file {path}: close other copies of LinkFace Desk, then "
                    "try again. Nothing was sent."),
    "other": QT_TRANSLATE_NOOP(
        "Problems", "The history file {path} cannot be written ({detail}): call IT. Nothing was sent."),
}

# KeychainUnavailable reason -> what is wrong; then what to do on this operating system
KEYCHAIN: dict[str, str] = {
    "none": QT_TRANSLATE_NOOP("Problems", "No usable keychain was found ({backend})."),
    "plaintext": QT_TRANSLATE_NOOP(
        "Problems", "The keyring backend {backend} keeps secrets in a plain file, which LinkFace Desk refuses to use."),
    "locked": QT_TRANSLATE_NOOP("Problems", "The keychain is locked or refused access ({backend})."),
    "error": QT_TRANSLATE_NOOP("Problems", "The keychain reported an error ({backend})."),
}
KEYCHAIN_REMEDY: dict[str, str] = {
    "linux": QT_TRANSLATE_NOOP(
        "Problems", "Log in to a desktop session with GNOME Keyring or KWallet running and unlocked, then try again."),
    "darwin": QT_TRANSLATE_NOOP("Problems", "Unlock the login keychain (Keychain Access), then try again."),
    "win32": QT_TRANSLATE_NOOP(
        "Problems", "Windows Credential Manager is not available to this account: ask IT, then try again."),
}
KEYCHAIN_SHORT = QT_TRANSLATE_NOOP("Problems", "The keychain is not available: call IT.")  # the clerk's line
KEYCHAIN_SCRIPTS = QT_TRANSLATE_NOOP(
    "Problems", "For scripts, set {variable} instead. The secret is never stored in a file.")

# SettingsIssue kind -> what happened to the settings file
SETTINGS: dict[str, str] = {
    "upgraded": QT_TRANSLATE_NOOP(
        "Problems", "The settings file was upgraded from format {version} to {current}; the old file was kept as "
                    "{kept_at}."),
    "corrupt": QT_TRANSLATE_NOOP(
        "Problems", "The settings file could not be read ({reason}). It was kept as {kept_at}; the saved profiles "
                    "must be entered again (the keychain secrets are still there)."),
}  # and newer_version: the refusal's own words (rules.RULES["newer_version"])

# RecordState value -> what the operator must know when a sent call's record did not reach the history
RECORDS: dict[str, str] = {
    "journaled": QT_TRANSLATE_NOOP(
        "Records", "Warning: this call could not be written to history (is the disk full?). It was kept in a "
                   "fallback file and is added to history at the next start."),
    "lost": QT_TRANSLATE_NOOP(
        "Records", "Warning: this call could not be recorded anywhere. Note its request_id and sequence_id now, and "
                   "call IT."),
}
NOTHING_SENT = QT_TRANSLATE_NOOP("Problems", "Nothing was sent.")
