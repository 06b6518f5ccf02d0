"""The words of every local refusal (InputRejected): its rule, optionally for one field or one variant.

A key is ``field:rule:variant``, ``field:rule``, ``rule:variant`` or ``rule``; the most specific one
that exists is used. ``{name}`` placeholders take the refusal's parameters (translations keep them).
"""

from __future__ import annotations

from app.i18n import QT_TRANSLATE_NOOP

LIVENESS_FILE = "liveness_encrypt_data"
SELFIE_FILE = "selfie_file"

RULES: dict[str, str] = {
    # --- the customer --------------------------------------------------------------------------
    "id_number:required": QT_TRANSLATE_NOOP("Rules", "Enter the ID number."),
    "id_number:length": QT_TRANSLATE_NOOP("Rules", "An ID number has 18 characters; this one has {length}."),
    "id_number:characters": QT_TRANSLATE_NOOP(
        "Rules", "The first 17 characters must be digits and the last a digit or X."),
    "id_number:birth_date": QT_TRANSLATE_NOOP(
        "Rules", "Characters 7 to 14 ({digits}) are not a valid birth date."),
    "id_number:check_digit": QT_TRANSLATE_NOOP(  # a typo anywhere breaks the check: never "change the last one"
        "Rules", "The ID number does not add up (its check character does not match): compare the whole number "
                 "with the ID card, character by character."),
    "name:required": QT_TRANSLATE_NOOP("Rules", "Enter the customer's name."),
    "name:length": QT_TRANSLATE_NOOP("Rules", "The name is longer than {limit} characters."),
    "name:characters": QT_TRANSLATE_NOOP("Rules", "The name contains control characters."),
    "name:symbols": QT_TRANSLATE_NOOP(
        "Rules", "The name contains an emoji or other symbol ({code_point}); enter the name as written on the "
                 "ID card."),
    "name:invisible_characters": QT_TRANSLATE_NOOP(
        "Rules", "The name contains an invisible character ({code_point}, such as a zero-width space or a "
                 "text-direction mark); retype the name."),
    "name:letters_required": QT_TRANSLATE_NOOP("Rules", "The name has no letters; enter the customer's name."),
    # --- the call ------------------------------------------------------------------------------
    "sequence_id_format": QT_TRANSLATE_NOOP(
        "Rules", "The sequence id must be 1 to 64 characters, each an ASCII letter, a digit, - or _."),
    "allowed_values": QT_TRANSLATE_NOOP("Rules", "Detection type must be one of: {allowed}."),
    "url_format:unreadable": QT_TRANSLATE_NOOP("Rules", "The address cannot be read; check it character by character."),
    "url_scheme": QT_TRANSLATE_NOOP("Rules", "The address must start with http:// or https:// and name a host."),
    "url_credentials": QT_TRANSLATE_NOOP(
        "Rules", "The address contains a user name or password (before @); remove it: it would be sent to the "
                 "vendor and kept in history."),
    "base_url:url_credentials": QT_TRANSLATE_NOOP(
        "Rules", "The base URL must not contain a user name or password (user:pass@); the API signs each call "
                 "instead."),
    "url_format": QT_TRANSLATE_NOOP("Rules", "The address is too long or contains spaces."),
    "required": QT_TRANSLATE_NOOP("Rules", "Enter the stored id."),
    "id_format": QT_TRANSLATE_NOOP("Rules", "The stored id has spaces, control characters or is too long."),
    # --- files ---------------------------------------------------------------------------------
    f"{LIVENESS_FILE}:required": QT_TRANSLATE_NOOP("Rules", "Choose or drop the liveness file."),
    f"{SELFIE_FILE}:required": QT_TRANSLATE_NOOP("Rules", "Choose or drop the selfie."),
    "exists": QT_TRANSLATE_NOOP("Rules", "No such file: {file}."),
    "is_folder": QT_TRANSLATE_NOOP("Rules", "{file} is a folder; choose a file."),
    "not_regular": QT_TRANSLATE_NOOP("Rules", "{file} is not a regular file (a pipe or device)."),
    "readable": QT_TRANSLATE_NOOP("Rules", "{file} cannot be read: {reason}."),
    "readable:permission": QT_TRANSLATE_NOOP("Rules", "{file} cannot be read: permission denied."),
    "readable:vanished": QT_TRANSLATE_NOOP(
        "Rules", "{file} can no longer be read ({reason}); it was moved or changed after it was checked. Choose it "
                 "again."),
    f"{LIVENESS_FILE}:non_empty": QT_TRANSLATE_NOOP("Rules", "The liveness file is empty; ask for the capture again."),
    f"{SELFIE_FILE}:non_empty": QT_TRANSLATE_NOOP("Rules", "The image is empty; choose another image."),
    "non_empty": QT_TRANSLATE_NOOP("Rules", "The file is empty; choose another file."),
    f"{LIVENESS_FILE}:max_size": QT_TRANSLATE_NOOP(
        "Rules", "The liveness file is too large: the API accepts at most {limit_mb} MB ({limit_bytes:,} bytes); "
                 "this file is {size:,} bytes."),
    f"{SELFIE_FILE}:max_size": QT_TRANSLATE_NOOP(
        "Rules", "The image is too large: the API accepts at most {limit_mb} MB ({limit_bytes:,} bytes); this file "
                 "is {size:,} bytes."),
    "max_size": QT_TRANSLATE_NOOP(
        "Rules", "The file is too large: the API accepts at most {limit_mb} MB ({limit_bytes:,} bytes); this file "
                 "is {size:,} bytes."),
    f"{LIVENESS_FILE}:max_size:bytes": QT_TRANSLATE_NOOP(
        "Rules", "The liveness file is too large: the API accepts at most {limit_bytes:,} bytes; this file is "
                 "{size:,} bytes."),
    f"{SELFIE_FILE}:max_size:bytes": QT_TRANSLATE_NOOP(
        "Rules", "The image is too large: the API accepts at most {limit_bytes:,} bytes; this file is {size:,} "
                 "bytes."),
    "max_size:bytes": QT_TRANSLATE_NOOP(
        "Rules", "The file is too large: the API accepts at most {limit_bytes:,} bytes; this file is {size:,} bytes."),
    "image_content": QT_TRANSLATE_NOOP("Rules", "The file is not an image, or it is damaged."),
    "image_format": QT_TRANSLATE_NOOP("Rules", "{format} images are not accepted; use JPG, PNG, BMP, GIF or TIFF."),
    "image_pixels:width": QT_TRANSLATE_NOOP("Rules", "The image width is {pixels} px; it must be {low} to {high} px."),
    "image_pixels:height": QT_TRANSLATE_NOOP(
        "Rules", "The image height is {pixels} px; it must be {low} to {high} px."),
    "image_damaged": QT_TRANSLATE_NOOP("Rules", "The image is damaged or incomplete ({reason})."),
    "decompression_bomb": QT_TRANSLATE_NOOP(
        "Rules", "The image declares far more pixels than any photo (a decompression bomb); it was not decoded."),
    # --- connection and account ----------------------------------------------------------------
    "https_required": QT_TRANSLATE_NOOP(
        "Rules", "The base URL must start with https:// (plain http:// is allowed only for this computer, "
                 "127.0.0.1)."),
    "ca_file": QT_TRANSLATE_NOOP("Rules", "The CA bundle file cannot be used: {reason}."),
    "secret_format": QT_TRANSLATE_NOOP("Rules", "The API secret must be one line of printable characters, not empty."),
    "secret_missing": QT_TRANSLATE_NOOP(
        "Rules", "No API secret is saved for profile '{profile}': set it in the profile settings or with "
                 "`linkface-desk profile set-secret {quoted}`."),
    "one_source": QT_TRANSLATE_NOOP("Rules", "Give exactly one of {flag}-file, {flag}-url or {flag}-id."),
    "one_connection": QT_TRANSLATE_NOOP("Rules", "Give --sandbox, --profile or --base-url, not several."),
    "explicit_connection": QT_TRANSLATE_NOOP(
        "Rules", "--base-url and --api-id go together, with the secret in ${variable}."),
    "sandbox_server": QT_TRANSLATE_NOOP(
        "Rules", "The Sandbox profile needs the in-process sandbox, which this command was not given."),
    "sandbox_builtin": QT_TRANSLATE_NOOP("Rules", "The Sandbox profile is built in: it cannot be edited or removed."),
    "sandbox_builtin:secret": QT_TRANSLATE_NOOP("Rules", "The Sandbox profile needs no secret."),
    "motions:integers": QT_TRANSLATE_NOOP("Rules", "Motions are comma-separated numbers, e.g. 0,1,2,3."),
    "face:image": QT_TRANSLATE_NOOP("Rules", "Cannot make the file: {reason}"),
    "retention_days:range": QT_TRANSLATE_NOOP("Rules", "Keep history between {low} and {high} days."),
    # --- profiles and the settings file --------------------------------------------------------
    "range": QT_TRANSLATE_NOOP("Rules", "{field} must be a number from {low} to {high}."),
    "range:seconds": QT_TRANSLATE_NOOP("Rules", "{field} must be a number from {low} to {high} s."),
    "name_format": QT_TRANSLATE_NOOP(
        "Rules", "The profile name must be 1 to 64 printable characters, without quotes or backslashes or spaces "
                 "at either end."),
    "base_url:type": QT_TRANSLATE_NOOP("Rules", "The base URL must be text."),
    "record_history:type": QT_TRANSLATE_NOOP("Rules", "record_history must be true or false."),
    "profile:type": QT_TRANSLATE_NOOP("Rules", "A profile must be a JSON object."),
    "reserved": QT_TRANSLATE_NOOP(
        "Rules", "The name '{name}' and the base URL '{base_url}' belong to the built-in Sandbox profile."),
    "api_id_format": QT_TRANSLATE_NOOP("Rules", "The api_id is required: 1 to 128 characters, no spaces."),
    "choice": QT_TRANSLATE_NOOP("Rules", "The timestamp unit must be ms or s."),
    "absolute_path": QT_TRANSLATE_NOOP("Rules", "The CA bundle must be given as a full path to a file."),
    "detection_types_format": QT_TRANSLATE_NOOP(
        "Rules", "Give one or more distinct detection types in lowercase letters, digits and _ (default: "
                 "{defaults})."),
    "proxy_credentials": QT_TRANSLATE_NOOP(
        "Rules", "A proxy password would be saved in plain text: choose system and let the system's proxy settings "
                 "carry it."),
    "proxy_format": QT_TRANSLATE_NOOP(
        "Rules", "The proxy must be system, none, or a URL such as http://proxy.example:8080."),
    "fields": QT_TRANSLATE_NOOP("Rules", "Unknown fields ({unknown}) or no name."),
    "structure": QT_TRANSLATE_NOOP("Rules", "The file is not a settings document (profiles, last_profile)."),
    "version": QT_TRANSLATE_NOOP("Rules", "The file has no valid format version."),
    "duplicate": QT_TRANSLATE_NOOP("Rules", "A profile named '{profile}' already exists."),
    "duplicate:in_file": QT_TRANSLATE_NOOP("Rules", "The profile '{profile}' appears twice or is reserved."),
    "unknown_profile": QT_TRANSLATE_NOOP("Rules", "There is no profile named '{profile}'."),
    "rename": QT_TRANSLATE_NOOP("Rules", "A profile cannot be renamed: add a new one and remove the old one."),
    "settings_unreadable": QT_TRANSLATE_NOOP(
        "Rules", "The settings file {path} cannot be read: {reason}. Ask IT to fix it, or set LINKFACE_DESK_HOME "
                 "to another folder."),
    "settings_unreadable:folder": QT_TRANSLATE_NOOP(
        "Rules", "The settings file {path} is a folder. Ask IT to fix it, or set LINKFACE_DESK_HOME to another "
                 "folder."),
    "settings_not_writable": QT_TRANSLATE_NOOP(
        "Rules", "The settings file {path} cannot be written: {reason}. Nothing was changed; ask IT to fix the "
                 "folder's permissions."),
    "newer_version": QT_TRANSLATE_NOOP(
        "Rules", "The settings file {path} was written by a newer LinkFace Desk (format {version}; this version reads "
                 "up to {current}). It was left untouched and cannot be changed here: update LinkFace Desk. Only "
                 "the Sandbox profile is available."),
    # --- the customer case (app.core.cases) ---------------------------------------------------
    "consent:required": QT_TRANSLATE_NOOP(
        "Rules", "Confirm the customer's consent to face recognition first, or record that the customer "
                 "declined."),
    "consent:declined": QT_TRANSLATE_NOOP(
        "Rules", "The customer declined face recognition: this case makes no face call. Use the alternative and "
                 "record the decision."),
    "consent:guardian_required": QT_TRANSLATE_NOOP(
        "Rules", "The ID number says the customer is under {age}: a parent or guardian must be present and consent "
                 "(PIPL art. 31)."),
    "decision:choose_outcome": QT_TRANSLATE_NOOP("Rules", "Choose the decision."),
    "reason:unknown_reason": QT_TRANSLATE_NOOP("Rules", "There is no reason code '{reason}'."),
    "reason:reason_not_for_outcome": QT_TRANSLATE_NOOP("Rules", "That reason does not go with this decision."),
    "decision:outcome_not_allowed": QT_TRANSLATE_NOOP(
        "Rules", "After this result nothing was verified, so the customer cannot be accepted on it: choose another "
                 "decision."),
    "alternative:required": QT_TRANSLATE_NOOP("Rules", "Choose the other method that was used."),
    "supervisor:four_eyes": QT_TRANSLATE_NOOP(
        "Rules", "This result needs a second person: a supervisor enters her staff ID and a reason."),
    "supervisor:same_as_clerk": QT_TRANSLATE_NOOP(
        "Rules", "The supervisor must be another person: her staff ID differs from the clerk's."),
    "supervisor:required": QT_TRANSLATE_NOOP("Rules", "Enter the supervisor's staff ID."),
    "supervisor_reason:required": QT_TRANSLATE_NOOP("Rules", "Choose the supervisor's reason."),
    "staff_id:required": QT_TRANSLATE_NOOP("Rules", "Enter your staff ID."),
    "staff_id_format": QT_TRANSLATE_NOOP("Rules", "A staff ID is 1 to {limit} letters, digits, - or _."),
    "staff_id:type": QT_TRANSLATE_NOOP("Rules", "staff_id must be text."),
    "consent_notice:type": QT_TRANSLATE_NOOP("Rules", "consent_notice must be text."),
    "consent_notice:length": QT_TRANSLATE_NOOP("Rules", "The consent notice is longer than {limit} characters."),
    "policy_format": QT_TRANSLATE_NOOP(
        "Rules", "The policy's {key} is not valid: see the README's section on the case policy."),
    "case_not_open": QT_TRANSLATE_NOOP("Rules", "The case {case} is not open (closed, or not in this history)."),
}
