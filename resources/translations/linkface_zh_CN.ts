<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CheckPage</name>
    <message>
        <source>Fix the marked fields; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending… %1 of %2 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent. Waiting for the server… Cancel now only stops waiting: the server may still check and bill this call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter runs the check from any field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next customer (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CopyField</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Details</name>
    <message>
        <source>attack (above 0.98)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live (0.98 or below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hack score</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Code %1 · server message: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request may have reached the server: check history before retrying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection problem: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try once more. If it happens again, quote the sequence id to support; the raw answer is under &quot;Raw response&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty body)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload was stopped before it finished; nothing was checked or billed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again; if it persists, call IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error in the application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again; if it persists, call IT and quote the details below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file had already been sent, so the server may still check (and bill) this call; its result will not be shown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HackPage</name>
    <message>
        <source>Hack detection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the capture shows a live person or a photo, a screen or a mask.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdPage</name>
    <message>
        <source>ID verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s liveness capture against the photo on file for their name and ID number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as on the ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also check for attacks (photo, screen, mask)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate score</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ID verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selfie verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hack detection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parse liveness file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SDK token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now working on profile %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SANDBOX · test data, not a real account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every result here is made up by the built-in sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared. Ready for the next customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared after %1 min without input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Chinese translation is missing from this installation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch the language of the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next customer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Motion</name>
    <message>
        <source>Blink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open mouth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shake head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown (code %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MotionStrip</name>
    <message>
        <source>No motions were recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParsePage</name>
    <message>
        <source>Parse liveness file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the SDK recorded: whether liveness passed, and the motions in the order performed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liveness passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motion codes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw response (for support)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown: no answer from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes: this call counts against the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Scale</name>
    <message>
        <source>Certificate score: different below 40, uncertain 40 to 45, same from 45</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face score, and how often a stranger scores that high (false accepts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile threshold %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hack score: above 0.98 is an attack (photo, screen or mask)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>different</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SelfiePage</name>
    <message>
        <source>Selfie verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s liveness capture against a selfie or another photo of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn the selfie upright automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also check for attacks (photo, screen, mask)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · a stranger scores this high about %2 of the time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (this profile) · false accepts about %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceField</name>
    <message>
        <source>Liveness capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selfie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↻ Check again on this capture (no upload)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↻ Use the same selfie again (no upload)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the file here, or browse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the liveness file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the selfie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 image, %2 × %3 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same upload, by the id the server returned: nothing is sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looks right</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenPage</name>
    <message>
        <source>SDK token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A token for the capture app (SDK). It is valid for 5 minutes and never billed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detection type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid for another %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired: get a new token</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trail</name>
    <message>
        <source>Image quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name and ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo on file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: image quality too low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: name and ID number do not match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: no record for this ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: no photo on file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: the photo on file cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same person (45 or more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncertain (40 to 45)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Different person (below 40)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: the server left this out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: undocumented value %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>Same person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Different person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name and ID number do not match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photo on file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please capture again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspected attack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liveness passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liveness failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live capture matches the photo. You may continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result is not conclusive. Check the customer&apos;s ID card in person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live capture does not match the photo. Do not continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This name does not belong to this ID number. Re-check both against the ID card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no record for this ID number. Re-check the number against the ID card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no photo on file for this ID number. Check the ID card in person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture&apos;s image quality is too low. Ask the customer to capture again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture looks like a photo, a screen or a mask. Do not continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sign of a photo, a screen or a mask.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SDK&apos;s liveness check passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SDK&apos;s liveness check did not pass. Ask the customer to capture again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand it to the SDK within 5 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
