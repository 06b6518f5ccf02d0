<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CheckPage</name>
    <message>
        <source>Starting… try again in a moment.</source>
        <translation>正在启动… 请稍后再试。</translation>
    </message>
    <message>
        <source>Fix the marked fields; nothing was sent.</source>
        <translation>请修正标出的输入项；未发送任何内容。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Sending… %1 of %2 MB</source>
        <translation>正在发送… %1 / %2 MB</translation>
    </message>
    <message>
        <source>Sent. Waiting for the server… Cancel now only stops waiting: the server may still check and bill this call.</source>
        <translation>已发送，正在等待服务器… 此时取消只是不再等待：服务器仍可能完成核验并计费。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Enter runs the check from any field</source>
        <translation>在任意输入项中按回车即可开始核验</translation>
    </message>
    <message>
        <source>Next customer (Esc)</source>
        <translation>下一位客户 (Esc)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>核验</translation>
    </message>
</context>
<context>
    <name>CopyField</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>Details</name>
    <message>
        <source>attack (above 0.98)</source>
        <translation>攻击（高于 0.98）</translation>
    </message>
    <message>
        <source>live (0.98 or below)</source>
        <translation>真人（0.98 及以下）</translation>
    </message>
    <message>
        <source>Hack score</source>
        <translation>攻击分数</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Code %1 · server message: %2</source>
        <translation>错误码 %1 · 服务器消息：%2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Connection problem: %1 (%2)</source>
        <translation>连接问题：%1（%2）</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>详情：%1</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read</source>
        <translation>无法读取服务器的应答</translation>
    </message>
    <message>
        <source>(empty body)</source>
        <translation>（空应答）</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>The upload was stopped before it finished; nothing was checked or billed.</source>
        <translation>上传在完成前已停止：未进行核验，也未计费。</translation>
    </message>
    <message>
        <source>Nothing was billed: try once more.</source>
        <translation>本次未计费，可以再试一次。</translation>
    </message>
    <message>
        <source>If it happens again, quote the sequence id to support; the raw answer is under &quot;Raw response&quot;.</source>
        <translation>如再次出现，请将 sequence id 提供给技术支持；原始应答见“原始响应”。</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>未发送任何内容。</translation>
    </message>
    <message>
        <source>Try again; if it persists, call IT.</source>
        <translation>请重试；若仍失败，请联系 IT。</translation>
    </message>
    <message>
        <source>Unexpected error in the application</source>
        <translation>程序发生意外错误</translation>
    </message>
    <message>
        <source>Try again; if it persists, call IT and quote the details below.</source>
        <translation>请重试；若仍失败，请联系 IT 并提供下方详情。</translation>
    </message>
    <message>
        <source>The file had already been sent, so the server may still check (and bill) this call; its result will not be shown.</source>
        <translation>文件已发送完毕，服务器仍可能完成核验（并计费）；其结果将不会显示。</translation>
    </message>
    <message>
        <source>The call may have been billed: look it up in History by its sequence id before you retry.</source>
        <translation>本次调用可能已计费：重试前请先在历史记录中按 sequence id 查询。</translation>
    </message>
    <message>
        <source>Warning: this call could not be written to history (is the disk full?). It was kept in a fallback file and is added to history at the next start.</source>
        <translation>警告：本次调用无法写入历史记录（磁盘是否已满？）。记录已暂存到备用文件，下次启动时会补入历史记录。</translation>
    </message>
    <message>
        <source>Warning: this call could not be recorded anywhere. Note its request_id and sequence_id now, and call IT.</source>
        <translation>警告：本次调用无法记录。请立即记下 request_id 和 sequence_id，并联系 IT。</translation>
    </message>
</context>
<context>
    <name>HackPage</name>
    <message>
        <source>Hack detection</source>
        <translation>防Hack检测</translation>
    </message>
    <message>
        <source>Whether the capture shows a live person or a photo, a screen or a mask.</source>
        <translation>判断采集到的是真人，还是照片、屏幕或面具。</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>检测</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>API error</source>
        <translation>接口错误</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>连接失败</translation>
    </message>
    <message>
        <source>Unreadable answer</source>
        <translation>应答无法读取</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>No answer recorded</source>
        <translation>未记录应答</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>计费</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>request_id</source>
        <translation>request_id</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>request_id, sequence_id or ID number</source>
        <translation>request_id、sequence_id 或身份证号</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Move the damaged file aside…</source>
        <translation>移走已损坏的文件…</translation>
    </message>
    <message>
        <source>Delete all history…</source>
        <translation>删除全部历史…</translation>
    </message>
    <message>
        <source>Export diagnostics…</source>
        <translation>导出诊断信息…</translation>
    </message>
    <message>
        <source>A zip for support: logs, versions, settings and recent history, without secrets or unmasked personal data</source>
        <translation>供技术支持使用的压缩包：日志、版本、设置和最近的历史记录，不含密钥和未脱敏的个人信息</translation>
    </message>
    <message>
        <source>Keep (days):</source>
        <translation>保留天数：</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Check again on this capture</source>
        <translation>用这次采集再核验一次</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Stored result</source>
        <translation>存储的结果</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>全部业务</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <source>All profiles</source>
        <translation>全部配置</translation>
    </message>
    <message>
        <source>Billed or not</source>
        <translation>计费与否</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>计费</translation>
    </message>
    <message>
        <source>Not billed</source>
        <translation>未计费</translation>
    </message>
    <message>
        <source>Billing unknown</source>
        <translation>计费未知</translation>
    </message>
    <message>
        <source>History is not available.</source>
        <translation>历史记录不可用。</translation>
    </message>
    <message>
        <source>Rows %1–%2 of %3</source>
        <translation>第 %1–%2 行，共 %3 行</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>导出历史记录</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2</source>
        <translation>已导出 %1 行到 %2</translation>
    </message>
    <message>
        <source>Export diagnostics</source>
        <translation>导出诊断信息</translation>
    </message>
    <message>
        <source>Diagnostics written to %1</source>
        <translation>诊断信息已写入 %1</translation>
    </message>
    <message>
        <source>Delete all history</source>
        <translation>删除全部历史</translation>
    </message>
    <message>
        <source>Delete every recorded call on this computer? This cannot be undone.</source>
        <translation>确定删除本机记录的所有调用吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Move the damaged history aside</source>
        <translation>移走已损坏的历史记录</translation>
    </message>
    <message>
        <source>Keep the damaged history file for IT under a new name and start a new, empty history? Nothing is deleted.</source>
        <translation>将已损坏的历史记录文件改名保留给 IT，并开始新的空白历史记录？不会删除任何内容。</translation>
    </message>
    <message>
        <source>The damaged file was kept as %1; a new history was started.</source>
        <translation>已损坏的文件保存为 %1；已开始新的历史记录。</translation>
    </message>
</context>
<context>
    <name>IdPage</name>
    <message>
        <source>ID verification</source>
        <translation>人证比对</translation>
    </message>
    <message>
        <source>The customer&apos;s liveness capture against the photo on file for their name and ID number.</source>
        <translation>将客户的活体采集与其姓名、身份证号对应的库中照片比对。</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>核验</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>as on the ID card</source>
        <translation>与身份证上一致</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18 位</translation>
    </message>
    <message>
        <source>Also check for attacks (photo, screen, mask)</source>
        <translation>同时检测攻击（照片、屏幕、面具）</translation>
    </message>
    <message>
        <source>Valid ID number</source>
        <translation>身份证号格式正确</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Certificate score</source>
        <translation>证照比对分数</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>%1 call records kept during a disk problem were added to History.</source>
        <translation>磁盘故障期间暂存的 %1 条调用记录已补入历史记录。</translation>
    </message>
    <message>
        <source>No log file can be written (%1); calls are still recorded in History.</source>
        <translation>无法写入日志文件（%1）；调用仍会记入历史记录。</translation>
    </message>
    <message>
        <source>Now working on profile %1.</source>
        <translation>当前使用配置：%1。</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>配置：%1</translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation>沙箱 SANDBOX</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Cleared. Ready for the next customer.</source>
        <translation>已清空，可以接待下一位客户。</translation>
    </message>
    <message>
        <source>Cleared after %1 min without input.</source>
        <translation>%1 分钟无操作，已自动清空。</translation>
    </message>
    <message>
        <source>The Chinese translation is missing from this installation.</source>
        <translation>此安装缺少中文翻译文件。</translation>
    </message>
    <message>
        <source>Next customer</source>
        <translation>下一位客户</translation>
    </message>
    <message>
        <source>The app could not start: %1</source>
        <translation>程序无法启动：%1</translation>
    </message>
</context>
<context>
    <name>Motion</name>
    <message>
        <source>Blink</source>
        <translation>眨眼</translation>
    </message>
    <message>
        <source>Open mouth</source>
        <translation>张嘴</translation>
    </message>
    <message>
        <source>Shake head</source>
        <translation>摇头</translation>
    </message>
    <message>
        <source>Nod</source>
        <translation>点头</translation>
    </message>
    <message>
        <source>Unknown (code %1)</source>
        <translation>未知动作（代码 %1）</translation>
    </message>
</context>
<context>
    <name>MotionStrip</name>
    <message>
        <source>No motions were recorded.</source>
        <translation>未记录任何动作。</translation>
    </message>
</context>
<context>
    <name>ParsePage</name>
    <message>
        <source>Parse liveness file</source>
        <translation>活体解析</translation>
    </message>
    <message>
        <source>What the SDK recorded: whether liveness passed, and the motions in the order performed.</source>
        <translation>查看 SDK 记录的内容：活体检测是否通过，以及按顺序完成的动作。</translation>
    </message>
    <message>
        <source>Parse</source>
        <translation>解析</translation>
    </message>
    <message>
        <source>Liveness passed</source>
        <translation>活体检测通过</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Motion codes</source>
        <translation>动作代码</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>New profile</source>
        <translation>新建配置</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>服务地址</translation>
    </message>
    <message>
        <source>API secret</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Timestamp unit</source>
        <translation>时间戳单位</translation>
    </message>
    <message>
        <source>Connect timeout (s)</source>
        <translation>连接超时（秒）</translation>
    </message>
    <message>
        <source>Read timeout (s)</source>
        <translation>读取超时（秒）</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Extra CA certificate</source>
        <translation>额外 CA 证书</translation>
    </message>
    <message>
        <source>none: the system&apos;s trusted certificates</source>
        <translation>无：使用系统信任的证书</translation>
    </message>
    <message>
        <source>Face score threshold</source>
        <translation>人脸分数阈值</translation>
    </message>
    <message>
        <source>Detection types</source>
        <translation>检测类型</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Record calls</source>
        <translation>记录调用</translation>
    </message>
    <message>
        <source>No keychain in this session: the profile&apos;s secret cannot be removed.</source>
        <translation>本会话没有可用的钥匙串：无法删除该配置的密钥。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>保存配置</translation>
    </message>
    <message>
        <source>Remove profile…</source>
        <translation>删除配置…</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>A get_token call (not billed): checks the api_id, the secret and this computer&apos;s clock</source>
        <translation>调用一次 get_token（不计费）：检查 api_id、密钥和本机时钟</translation>
    </message>
    <message>
        <source>Keychain: not available in this session.</source>
        <translation>钥匙串：本会话不可用。</translation>
    </message>
    <message>
        <source>Secrets are kept in the system keychain (%1).</source>
        <translation>密钥保存在系统钥匙串中（%1）。</translation>
    </message>
    <message>
        <source>saved in the keychain: type to replace</source>
        <translation>已保存在钥匙串中：输入新值可替换</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>The Sandbox profile is built in: it cannot be changed.</source>
        <translation>沙箱配置为内置配置，不能修改。</translation>
    </message>
    <message>
        <source>false accepts about 1 in %1</source>
        <translation>误识率约为 %1 分之一</translation>
    </message>
    <message>
        <source>below 0.4: more than 1 false accept in 10</source>
        <translation>低于 0.4：误识率高于十分之一</translation>
    </message>
    <message>
        <source>Choose a CA certificate</source>
        <translation>选择 CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>证书 (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Testing the connection of %1…</source>
        <translation>正在测试 %1 的连接…</translation>
    </message>
    <message>
        <source>Connection works: the api_id, the secret and the clock are right (request_id %1; get_token is not billed).</source>
        <translation>连接正常：api_id、密钥和时钟均正确（request_id %1；get_token 不计费）。</translation>
    </message>
    <message>
        <source>The server refused the signature: the api_id, the secret or this computer&apos;s clock (now %1) is wrong.</source>
        <translation>服务器拒绝了签名：api_id、密钥或本机时钟（当前 %1）有误。</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>删除配置</translation>
    </message>
    <message>
        <source>Remove the profile %1 and its secret from the keychain? This cannot be undone.</source>
        <translation>确定删除配置 %1 及其在钥匙串中的密钥吗？此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>The result appears here.</source>
        <translation>结果将显示在这里。</translation>
    </message>
    <message>
        <source>Raw response (for support)</source>
        <translation>原始响应（供技术支持）</translation>
    </message>
    <message>
        <source>Unknown: the call may have been billed; look it up in History before you retry</source>
        <translation>未知：本次调用可能已计费，重试前请先查看历史记录</translation>
    </message>
    <message>
        <source>Yes: this call counts against the account</source>
        <translation>是：本次调用计入账户费用</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>计费</translation>
    </message>
</context>
<context>
    <name>Scale</name>
    <message>
        <source>Certificate score: different below 40, uncertain 40 to 45, same from 45</source>
        <translation>证照比对分数：低于 40 为不同人，40–45 为不确定，45 及以上为同一人</translation>
    </message>
    <message>
        <source>below threshold</source>
        <translation>低于阈值</translation>
    </message>
    <message>
        <source>match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>Face score, and how often a stranger scores that high (false accepts)</source>
        <translation>人脸分数，以及陌生人达到该分数的概率（误识率）</translation>
    </message>
    <message>
        <source>profile threshold %1</source>
        <translation>配置阈值 %1</translation>
    </message>
    <message>
        <source>live person</source>
        <translation>真人</translation>
    </message>
    <message>
        <source>attack</source>
        <translation>攻击</translation>
    </message>
    <message>
        <source>Hack score: above 0.98 is an attack (photo, screen or mask)</source>
        <translation>攻击分数：高于 0.98 即为攻击（照片、屏幕或面具）</translation>
    </message>
    <message>
        <source>different</source>
        <translation>不同人</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>same</source>
        <translation>同一人</translation>
    </message>
</context>
<context>
    <name>SelfiePage</name>
    <message>
        <source>Selfie verification</source>
        <translation>人脸比对</translation>
    </message>
    <message>
        <source>The customer&apos;s liveness capture against a selfie or another photo of them.</source>
        <translation>将客户的活体采集与其自拍或其他照片比对。</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比对</translation>
    </message>
    <message>
        <source>Turn the selfie upright automatically</source>
        <translation>自动校正照片方向</translation>
    </message>
    <message>
        <source>Also check for attacks (photo, screen, mask)</source>
        <translation>同时检测攻击（照片、屏幕、面具）</translation>
    </message>
    <message>
        <source>Face score</source>
        <translation>人脸分数</translation>
    </message>
    <message>
        <source>%1 · a stranger scores this high about %2 of the time</source>
        <translation>%1 · 陌生人达到此分数的概率约为 %2</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>%1 (this profile) · false accepts about %2</source>
        <translation>%1（本配置）· 误识率约 %2</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Clear the screen after no input for</source>
        <translation>无操作多久后清空屏幕</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>配置</translation>
    </message>
</context>
<context>
    <name>SourceField</name>
    <message>
        <source>Liveness capture</source>
        <translation>活体采集文件</translation>
    </message>
    <message>
        <source>Selfie</source>
        <translation>自拍照片</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Stored id</source>
        <translation>已存储编号</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>↻ Check again on this capture (no upload)</source>
        <translation>↻ 用这次采集再核验一次（无需重新上传）</translation>
    </message>
    <message>
        <source>↻ Use the same selfie again (no upload)</source>
        <translation>↻ 再次使用这张照片（无需重新上传）</translation>
    </message>
    <message>
        <source>Drop the file here, or browse.</source>
        <translation>将文件拖到这里，或点击浏览。</translation>
    </message>
    <message>
        <source>Choose the liveness file</source>
        <translation>选择活体文件</translation>
    </message>
    <message>
        <source>Choose the selfie</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>%1 image, %2 × %3 px</source>
        <translation>%1 图片，%2 × %3 像素</translation>
    </message>
    <message>
        <source>Ready to send</source>
        <translation>可以发送</translation>
    </message>
    <message>
        <source>The same upload, by the id the server returned: nothing is sent again.</source>
        <translation>使用服务器返回的编号引用同一份上传：不会重新发送。</translation>
    </message>
    <message>
        <source>Looks right</source>
        <translation>格式正确</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>ID verification</source>
        <translation>人证比对</translation>
    </message>
    <message>
        <source>Selfie verification</source>
        <translation>人脸比对</translation>
    </message>
    <message>
        <source>Hack detection</source>
        <translation>防Hack检测</translation>
    </message>
    <message>
        <source>Parse liveness file</source>
        <translation>活体解析</translation>
    </message>
    <message>
        <source>SDK token</source>
        <translation>SDK Token</translation>
    </message>
</context>
<context>
    <name>TokenPage</name>
    <message>
        <source>SDK token</source>
        <translation>SDK Token</translation>
    </message>
    <message>
        <source>A token for the capture app (SDK). It is valid for 5 minutes and never billed.</source>
        <translation>供采集应用（SDK）使用的令牌，有效期 5 分钟，不计费。</translation>
    </message>
    <message>
        <source>Get token</source>
        <translation>获取 Token</translation>
    </message>
    <message>
        <source>Detection type</source>
        <translation>检测类型</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Valid for another %1</source>
        <translation>剩余有效时间 %1</translation>
    </message>
    <message>
        <source>Expired: get a new token</source>
        <translation>已过期：请重新获取</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Billed today %1 · this month %2</source>
        <translation>今日计费 %1 · 本月 %2</translation>
    </message>
    <message>
        <source>billing unknown: %1 today, %2 this month</source>
        <translation>计费未知：今日 %1，本月 %2</translation>
    </message>
    <message>
        <source>Billing unknown: calls that may have been billed although no readable answer came back; History shows them under &quot;Billing unknown&quot;.</source>
        <translation>计费未知：未收到可读应答、但可能已计费的调用；历史记录中可按“计费未知”筛选。</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>SANDBOX · test data, not a real account</source>
        <translation>沙箱 SANDBOX · 测试数据，非真实账户</translation>
    </message>
    <message>
        <source>Every result here is made up by the built-in sandbox.</source>
        <translation>此处所有结果均由内置沙箱模拟生成。</translation>
    </message>
    <message>
        <source>Switch the language of the window</source>
        <translation>切换界面语言</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
</context>
<context>
    <name>Trail</name>
    <message>
        <source>Image quality</source>
        <translation>图像质量</translation>
    </message>
    <message>
        <source>Name and ID number</source>
        <translation>姓名与身份证号</translation>
    </message>
    <message>
        <source>Photo on file</source>
        <translation>库中照片</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>比对分数</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Stopped: image quality too low</source>
        <translation>止于此：图像质量过低</translation>
    </message>
    <message>
        <source>Stopped: name and ID number do not match</source>
        <translation>止于此：姓名与身份证号不一致</translation>
    </message>
    <message>
        <source>Stopped: no record for this ID number</source>
        <translation>止于此：库中无此身份证号</translation>
    </message>
    <message>
        <source>Stopped: no photo on file</source>
        <translation>止于此：库中无照片</translation>
    </message>
    <message>
        <source>Stopped: the photo on file cannot be read</source>
        <translation>止于此：库中照片无法识别</translation>
    </message>
    <message>
        <source>Same person (45 or more)</source>
        <translation>同一人（45 及以上）</translation>
    </message>
    <message>
        <source>Uncertain (40 to 45)</source>
        <translation>不确定（40–45）</translation>
    </message>
    <message>
        <source>Different person (below 40)</source>
        <translation>不同人（低于 40）</translation>
    </message>
    <message>
        <source>Stopped: the server left this out</source>
        <translation>止于此：服务器未返回此项</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>未进行</translation>
    </message>
    <message>
        <source>Stopped: undocumented value %1</source>
        <translation>止于此：文档未定义的值 %1</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>Same person</source>
        <translation>同一人</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>需人工复核</translation>
    </message>
    <message>
        <source>Different person</source>
        <translation>不同人</translation>
    </message>
    <message>
        <source>Name and ID number do not match</source>
        <translation>姓名与身份证号不一致</translation>
    </message>
    <message>
        <source>No record</source>
        <translation>库中无此人</translation>
    </message>
    <message>
        <source>No photo on file</source>
        <translation>库中无照片</translation>
    </message>
    <message>
        <source>Please capture again</source>
        <translation>请重新采集</translation>
    </message>
    <message>
        <source>Suspected attack</source>
        <translation>疑似攻击</translation>
    </message>
    <message>
        <source>Live person</source>
        <translation>真人</translation>
    </message>
    <message>
        <source>Liveness passed</source>
        <translation>活体检测通过</translation>
    </message>
    <message>
        <source>Liveness failed</source>
        <translation>活体检测未通过</translation>
    </message>
    <message>
        <source>Token issued</source>
        <translation>Token 已签发</translation>
    </message>
    <message>
        <source>The live capture matches the photo. You may continue.</source>
        <translation>活体采集与照片一致，可以继续办理。</translation>
    </message>
    <message>
        <source>The result is not conclusive. Check the customer&apos;s ID card in person.</source>
        <translation>结果不确定，请当面核对客户的身份证件。</translation>
    </message>
    <message>
        <source>The live capture does not match the photo. Do not continue.</source>
        <translation>活体采集与照片不一致，请勿继续办理。</translation>
    </message>
    <message>
        <source>This name does not belong to this ID number. Re-check both against the ID card.</source>
        <translation>该姓名与身份证号不符，请对照身份证重新核对两项。</translation>
    </message>
    <message>
        <source>There is no record for this ID number. Re-check the number against the ID card.</source>
        <translation>库中没有该身份证号的记录，请对照身份证重新核对号码。</translation>
    </message>
    <message>
        <source>There is no photo on file for this ID number. Check the ID card in person.</source>
        <translation>库中没有该身份证号的照片，请当面核对身份证件。</translation>
    </message>
    <message>
        <source>The capture&apos;s image quality is too low. Ask the customer to capture again.</source>
        <translation>采集图像质量过低，请客户重新采集。</translation>
    </message>
    <message>
        <source>The capture looks like a photo, a screen or a mask. Do not continue.</source>
        <translation>采集内容疑似照片、屏幕或面具，请勿继续办理。</translation>
    </message>
    <message>
        <source>No sign of a photo, a screen or a mask.</source>
        <translation>未发现照片、屏幕或面具攻击迹象。</translation>
    </message>
    <message>
        <source>The SDK&apos;s liveness check passed.</source>
        <translation>SDK 活体检测已通过。</translation>
    </message>
    <message>
        <source>The SDK&apos;s liveness check did not pass. Ask the customer to capture again.</source>
        <translation>SDK 活体检测未通过，请客户重新采集。</translation>
    </message>
    <message>
        <source>Hand it to the SDK within 5 minutes.</source>
        <translation>请在 5 分钟内交给 SDK 使用。</translation>
    </message>
</context>
</TS>
