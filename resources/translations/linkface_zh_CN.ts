<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Banner</name>
    <message>
        <source>%1. %2</source>
        <translation>%1。%2</translation>
    </message>
</context>
<context>
    <name>Batch</name>
    <message>
        <source>The archive is larger than {limit_mb} MB ({size:,} bytes): it was not opened.</source>
        <translation>压缩包大于 {limit_mb} MB（{size:,} 字节）：未打开。</translation>
    </message>
    <message>
        <source>The archive cannot be read as a zip file ({reason}).</source>
        <translation>无法按 zip 文件读取此压缩包（{reason}）。</translation>
    </message>
    <message>
        <source>The archive holds more than {limit} files: it was not opened.</source>
        <translation>压缩包内文件超过 {limit} 个：未打开。</translation>
    </message>
    <message>
        <source>The archive would expand to more than {limit_mb} MB: refused as a possible zip bomb.</source>
        <translation>压缩包解压后将超过 {limit_mb} MB：疑似压缩炸弹，已拒绝。</translation>
    </message>
    <message>
        <source>The file expands {ratio} times its compressed size (the limit is {limit}): refused as a possible zip bomb.</source>
        <translation>该文件解压后为压缩大小的 {ratio} 倍（上限 {limit} 倍）：疑似压缩炸弹，已拒绝。</translation>
    </message>
    <message>
        <source>The file&apos;s name in the archive leads outside it (an absolute path or ..): refused.</source>
        <translation>该文件在压缩包中的名称指向包外（绝对路径或 ..）：已拒绝。</translation>
    </message>
    <message>
        <source>The file is encrypted in the archive (a password-protected zip): it cannot be read.</source>
        <translation>该文件在压缩包中已加密（有密码的 zip）：无法读取。</translation>
    </message>
    <message>
        <source>An archive inside an archive is not opened: give it to the batch by itself.</source>
        <translation>压缩包内的压缩包不会打开：请单独交给批量核验。</translation>
    </message>
    <message>
        <source>The file cannot be read from the archive ({reason}).</source>
        <translation>无法从压缩包读取该文件（{reason}）。</translation>
    </message>
    <message>
        <source>The file changed in the archive after it was listed: nothing was sent; run the batch again.</source>
        <translation>该文件在列出后于压缩包中发生了变化：未发送任何内容；请重新运行批量核验。</translation>
    </message>
    <message>
        <source>This is an image, not a liveness capture.</source>
        <translation>这是图片，不是活体采集文件。</translation>
    </message>
    <message>
        <source>This is a text file, not a liveness capture.</source>
        <translation>这是文本文件，不是活体采集文件。</translation>
    </message>
    <message>
        <source>This is a PDF document, not a liveness capture.</source>
        <translation>这是 PDF 文档，不是活体采集文件。</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已应答</translation>
    </message>
    <message>
        <source>Refused locally</source>
        <translation>本地已拒绝</translation>
    </message>
    <message>
        <source>API error</source>
        <translation>API 错误</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>billed</source>
        <translation>计费</translation>
    </message>
    <message>
        <source>not billed</source>
        <translation>不计费</translation>
    </message>
    <message>
        <source>unknown: a person must decide</source>
        <translation>未知：须由人工判断</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>大小（字节）</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Liveness result</source>
        <translation>活体结果</translation>
    </message>
    <message>
        <source>Hack score</source>
        <translation>攻击分数</translation>
    </message>
    <message>
        <source>Motions</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>request_id</source>
        <translation>request_id</translation>
    </message>
    <message>
        <source>sequence_id</source>
        <translation>sequence_id</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>计费</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>个案</translation>
    </message>
</context>
<context>
    <name>BatchPage</name>
    <message>
        <source>Batch inspection</source>
        <translation>批量核验</translation>
    </message>
    <message>
        <source>Support work: inspect the captures a branch sent (files, folders, zip archives) and write a report to attach to a ticket. Drop them here or add them.</source>
        <translation>技术支持工作：核验网点发来的采集（文件、文件夹、zip 压缩包），并写出可附在工单中的报告。可拖放到此处，或点击添加。</translation>
    </message>
    <message>
        <source>&amp;Captures to inspect:</source>
        <translation>要核验的采集(&amp;C)：</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>添加文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Add fol&amp;der…</source>
        <translation>添加文件夹(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Remove from the list</source>
        <translation>从列表中移除(&amp;R)</translation>
    </message>
    <message>
        <source>C&amp;all:</source>
        <translation>调用(&amp;A)：</translation>
    </message>
    <message>
        <source>The customers&apos; consent is on file (recorded when the branch made the captures)</source>
        <translation>客户的同意已存档（网点采集时已记录）</translation>
    </message>
    <message>
        <source>Report &amp;format:</source>
        <translation>报告格式(&amp;F)：</translation>
    </message>
    <message>
        <source>CSV (spreadsheet)</source>
        <translation>CSV（电子表格）</translation>
    </message>
    <message>
        <source>JSON lines</source>
        <translation>JSON 逐行格式</translation>
    </message>
    <message>
        <source>Web page (HTML)</source>
        <translation>网页（HTML）</translation>
    </message>
    <message>
        <source>Re&amp;port:</source>
        <translation>报告(&amp;P)：</translation>
    </message>
    <message>
        <source>Not chosen yet</source>
        <translation>尚未选择</translation>
    </message>
    <message>
        <source>Choose &amp;where…</source>
        <translation>选择位置(&amp;W)…</translation>
    </message>
    <message>
        <source>Refused locally (not sent):</source>
        <translation>本地已拒绝（未发送）：</translation>
    </message>
    <message>
        <source>R&amp;un the batch</source>
        <translation>开始批量核验(&amp;U)</translation>
    </message>
    <message>
        <source>Cancel after the current file</source>
        <translation>当前文件完成后取消</translation>
    </message>
    <message>
        <source>Batch progress</source>
        <translation>批量核验进度</translation>
    </message>
    <message>
        <source>Rows of the report:</source>
        <translation>报告各行：</translation>
    </message>
    <message>
        <source>Compare the selected rows</source>
        <translation>对比所选各行</translation>
    </message>
    <message>
        <source>Side by side:</source>
        <translation>并排对比：</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>A batch is running: add captures once it has ended.</source>
        <translation>批量核验正在进行：请在结束后再添加采集。</translation>
    </message>
    <message>
        <source>Add captures</source>
        <translation>添加采集</translation>
    </message>
    <message>
        <source>Captures and zip archives (*)</source>
        <translation>采集文件和 zip 压缩包 (*)</translation>
    </message>
    <message>
        <source>Add a folder of captures</source>
        <translation>添加采集文件夹</translation>
    </message>
    <message>
        <source>The captures cannot be listed: %1</source>
        <translation>无法列出采集：%1</translation>
    </message>
    <message>
        <source>Reading the captures…</source>
        <translation>正在读取采集…</translation>
    </message>
    <message>
        <source>Add captures to see what will be sent.</source>
        <translation>添加采集后即可查看将发送的内容。</translation>
    </message>
    <message>
        <source>%1 files: %2 refused locally, %3 calls to make, %4 of them billable.</source>
        <translation>%1 个文件：%2 个本地拒绝，将进行 %3 次调用，其中 %4 次计费。</translation>
    </message>
    <message>
        <source>Save the batch report</source>
        <translation>保存批量核验报告</translation>
    </message>
    <message>
        <source>Starting… try again in a moment.</source>
        <translation>正在启动…请稍后再试。</translation>
    </message>
    <message>
        <source>Add captures first: there is nothing to send.</source>
        <translation>请先添加采集：没有可发送的内容。</translation>
    </message>
    <message>
        <source>The policy requires the customers&apos; consent: confirm it is on file, or do not send these captures. Nothing was sent.</source>
        <translation>策略要求取得客户同意：请确认同意已存档，否则不要发送这些采集。未发送任何内容。</translation>
    </message>
    <message>
        <source>No report chosen: nothing was sent.</source>
        <translation>未选择报告：未发送任何内容。</translation>
    </message>
    <message>
        <source>Make billable calls?</source>
        <translation>进行计费调用？</translation>
    </message>
    <message>
        <source>This batch makes %1 billable calls on the profile %2.</source>
        <translation>本次批量核验将在配置 %2 上进行 %1 次计费调用。</translation>
    </message>
    <message>
        <source>Make %1 billable calls</source>
        <translation>进行 %1 次计费调用</translation>
    </message>
    <message>
        <source>Do not send</source>
        <translation>不发送</translation>
    </message>
    <message>
        <source>Not run: nothing was sent.</source>
        <translation>未运行：未发送任何内容。</translation>
    </message>
    <message>
        <source>Starting the batch…</source>
        <translation>正在开始批量核验…</translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>当前文件完成后停止…</translation>
    </message>
    <message>
        <source>The API says the call rate is too high (1009, not billed): waiting %1 before trying again.</source>
        <translation>API 提示调用频率过高（1009，不计费）：等待 %1 后重试。</translation>
    </message>
    <message>
        <source>%1 of %2 calls done.</source>
        <translation>已完成 %1 / %2 次调用。</translation>
    </message>
    <message>
        <source>About %1 left.</source>
        <translation>约剩 %1。</translation>
    </message>
    <message>
        <source>The batch stopped: %1. The report %2 holds the rows written so far.</source>
        <translation>批量核验已停止：%1。报告 %2 中保存了已写出的各行。</translation>
    </message>
    <message>
        <source>Stopped after the current file: the report %1 holds what was done (%2 rows).</source>
        <translation>已在当前文件完成后停止：报告 %1 保存了已完成的部分（%2 行）。</translation>
    </message>
    <message>
        <source>Done: %1 rows, %2 billed. The report is %3.</source>
        <translation>完成：%1 行，%2 次计费。报告为 %3。</translation>
    </message>
    <message>
        <source>%1 calls got no answer after they were sent: their billing is unknown and a person must decide (the report marks them).</source>
        <translation>%1 个调用发送后无应答：其计费未知，须由人工判断（报告中已标出）。</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Rows %1 and %2 are the same capture (same SHA-256).</source>
        <translation>第 %1 行和第 %2 行是同一个采集（SHA-256 相同）。</translation>
    </message>
    <message>
        <source>Rows %1 and %2 have the same returned request_id.</source>
        <translation>第 %1 行和第 %2 行返回的 request_id 相同。</translation>
    </message>
    <message>
        <source>No capture appears twice among them.</source>
        <translation>其中没有重复的采集。</translation>
    </message>
    <message>
        <source>live</source>
        <translation>活体</translation>
    </message>
    <message>
        <source>not live</source>
        <translation>非活体</translation>
    </message>
</context>
<context>
    <name>CaptureOffer</name>
    <message>
        <source>%1 s ago</source>
        <translation>%1 秒前</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 分钟前</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1 小时前</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>New capture: %1, %2 —</source>
        <translation>新采集：%1，%2 —</translation>
    </message>
    <message>
        <source>Use the new capture %1</source>
        <translation>使用新采集 %1</translation>
    </message>
</context>
<context>
    <name>Cases</name>
    <message>
        <source>not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <source>consent given</source>
        <translation>本人已同意</translation>
    </message>
    <message>
        <source>guardian&apos;s consent</source>
        <translation>监护人已同意</translation>
    </message>
    <message>
        <source>declined face recognition</source>
        <translation>拒绝人脸识别</translation>
    </message>
    <message>
        <source>consent on file</source>
        <translation>采集时已同意</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>不通过</translation>
    </message>
    <message>
        <source>Referred to a supervisor</source>
        <translation>转主管处理</translation>
    </message>
    <message>
        <source>Verified another way</source>
        <translation>改用其他方式核验</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>业务中止</translation>
    </message>
    <message>
        <source>No decision</source>
        <translation>未作处理决定</translation>
    </message>
    <message>
        <source>Checks passed</source>
        <translation>核验通过</translation>
    </message>
    <message>
        <source>Score in the review band</source>
        <translation>分数处于复核区间</translation>
    </message>
    <message>
        <source>Suspected attack</source>
        <translation>疑似攻击</translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation>非同一人</translation>
    </message>
    <message>
        <source>Name and ID number do not match: check another document and give the customer the verification result slip</source>
        <translation>姓名与身份证号不一致：核验其他证件，并向客户出具核查结果单</translation>
    </message>
    <message>
        <source>No record for this ID number</source>
        <translation>库中无此号</translation>
    </message>
    <message>
        <source>No usable photo on file</source>
        <translation>库中无可用照片</translation>
    </message>
    <message>
        <source>Recapture failed three times</source>
        <translation>重新采集三次仍未通过</translation>
    </message>
    <message>
        <source>The customer declined face recognition</source>
        <translation>客户拒绝人脸识别</translation>
    </message>
    <message>
        <source>The customer left</source>
        <translation>客户已离开</translation>
    </message>
    <message>
        <source>Technical problem</source>
        <translation>技术故障</translation>
    </message>
    <message>
        <source>Manual check of the ID card at the counter</source>
        <translation>柜面人工核验身份证</translation>
    </message>
    <message>
        <source>Online ID check (NCIIC)</source>
        <translation>联网核查（公民身份信息）</translation>
    </message>
    <message>
        <source>Another identity document</source>
        <translation>其他身份证件</translation>
    </message>
    <message>
        <source>To confirm your identity, the bank will compare a short video of your face with the photo on your identity record. Your face data is sensitive personal information: it is sent encrypted to the verification service, used only for this check, and not kept by this counter. Taking part is your choice: if you do not agree, your identity can be checked another way, for example with your ID card at the counter, and your business is not refused. For a customer under 14, a parent or guardian decides.</source>
        <translation>为核实您的身份，本行将把您的一段人脸视频与您身份信息中的照片进行比对。人脸信息属于敏感个人信息：它将加密发送至核验服务，仅用于本次核验，本柜台不予保存。是否参与由您自愿决定：如您不同意，我们可以用其他方式核实身份（例如在柜台查验您的身份证），不会因此拒绝为您办理业务。未满十四周岁的客户，由其父母或其他监护人决定。</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <source>Opened</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>未成年</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意情况</translation>
    </message>
    <message>
        <source>Calls / billed</source>
        <translation>调用 / 计费</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Alternative</source>
        <translation>替代方式</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
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
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Staff ID or OS account</source>
        <translation>柜员号或系统账户</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>柜员号</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Customer cases</source>
        <translation>客户个案</translation>
    </message>
    <message>
        <source>Calls of this case</source>
        <translation>本个案的调用</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>个案</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Show this call in Calls</source>
        <translation>在调用记录中查看此调用</translation>
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
        <source>All decisions</source>
        <translation>全部处理决定</translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <source>History is not available.</source>
        <translation>历史记录不可用。</translation>
    </message>
    <message>
        <source>Cases %1–%2 of %3</source>
        <translation>第 %1–%2 个个案，共 %3 个</translation>
    </message>
    <message>
        <source>under 14</source>
        <translation>未满十四周岁</translation>
    </message>
    <message>
        <source>notice %1</source>
        <translation>告知书 %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Export cases</source>
        <translation>导出个案</translation>
    </message>
    <message>
        <source>Exported %1 cases to %2</source>
        <translation>已导出 %1 个个案到 %2</translation>
    </message>
</context>
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
        <source>Sending… %1 of %2 MB</source>
        <translation>正在发送… %1 / %2 MB</translation>
    </message>
    <message>
        <source>This customer was checked %1 s ago; checking again is billed again.</source>
        <translation>该客户 %1 秒前已核验过；再次核验将再次计费。</translation>
    </message>
    <message>
        <source>This customer&apos;s decision is recorded: Next customer (Esc) starts the next one.</source>
        <translation>该客户的处理决定已记录：点“下一位客户 (Esc)”接待下一位。</translation>
    </message>
    <message>
        <source>Nothing was sent: your staff ID is recorded with each customer&apos;s consent, so it comes first.</source>
        <translation>未发送任何内容：每位客户的同意记录都要附上您的柜员号，请先输入柜员号。</translation>
    </message>
    <message>
        <source>This customer was checked %1 min ago; checking again is billed again.</source>
        <translation>该客户 %1 分钟前已核验过；再次核验将再次计费。</translation>
    </message>
    <message>
        <source>Check again?</source>
        <translation>再次核验？</translation>
    </message>
    <message>
        <source>Check again (billed)</source>
        <translation>再次核验（计费）</translation>
    </message>
    <message>
        <source>Do not check</source>
        <translation>不核验</translation>
    </message>
    <message>
        <source>Not checked again: nothing was sent.</source>
        <translation>未再次核验：未发送任何内容。</translation>
    </message>
    <message>
        <source>The check you stopped waiting for was answered; its result is in History.</source>
        <translation>已停止等待的那次核验有了结果，已记入历史记录。</translation>
    </message>
    <message>
        <source>Connecting… %1 s</source>
        <translation>正在连接… %1 秒</translation>
    </message>
    <message>
        <source>Sent. Waiting for the server… %1 s</source>
        <translation>已发送，正在等待服务器… %1 秒</translation>
    </message>
    <message>
        <source>Cancel now only stops waiting (so does Next customer): the server may still check and bill this call, and its answer will be recorded in History.</source>
        <translation>此时取消（或点“下一位客户”）只是不再等待：服务器仍可能完成核验并计费，其结果将记入历史记录。</translation>
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
    <name>Cli</name>
    <message>
        <source>one of {types}</source>
        <translation>以下之一：{types}</translation>
    </message>
    <message>
        <source>{name} source (exactly one)</source>
        <translation>{name} 来源（只选一个）</translation>
    </message>
    <message>
        <source>an id the server returned earlier ({field})</source>
        <translation>服务器先前返回的编号（{field}）</translation>
    </message>
    <message>
        <source>make one API call and print the result as JSON</source>
        <translation>调用一次接口，并以 JSON 输出结果</translation>
    </message>
    <message>
        <source>connection (default: the built-in sandbox)</source>
        <translation>连接（默认：内置沙箱）</translation>
    </message>
    <message>
        <source>use the built-in sandbox (the default)</source>
        <translation>使用内置沙箱（默认）</translation>
    </message>
    <message>
        <source>a saved profile (see `linkface-desk profile list`)</source>
        <translation>已保存的配置（见 `linkface-desk profile list`）</translation>
    </message>
    <message>
        <source>API base URL; the secret comes from $LINKFACE_API_SECRET</source>
        <translation>接口服务地址；密钥取自 $LINKFACE_API_SECRET</translation>
    </message>
    <message>
        <source>API id, with --base-url</source>
        <translation>API id，与 --base-url 一起使用</translation>
    </message>
    <message>
        <source>your own request serial (default: 64 random characters)</source>
        <translation>自定义请求序列号（默认：64 个随机字符）</translation>
    </message>
    <message>
        <source>operating threshold for face_score (default 0.7)</source>
        <translation>face_score 的判定阈值（默认 0.7）</translation>
    </message>
    <message>
        <source>run the sandbox API server (loopback by default)</source>
        <translation>运行沙箱接口服务（默认仅本机）</translation>
    </message>
    <message>
        <source>make a sandbox liveness file from a face image</source>
        <translation>用人脸图片生成沙箱活体文件</translation>
    </message>
    <message>
        <source>a face image (PNG, JPEG, ...)</source>
        <translation>人脸图片（PNG、JPEG 等）</translation>
    </message>
    <message>
        <source>comma-separated motion codes, in order (default 0,1,2,3)</source>
        <translation>按顺序、以逗号分隔的动作代码（默认 0,1,2,3）</translation>
    </message>
    <message>
        <source>mark the capture as not passing liveness</source>
        <translation>将采集标记为活体检测未通过</translation>
    </message>
    <message>
        <source>LinkFace Desk: verify customers with the LinkFace liveness API.</source>
        <translation>LinkFace Desk：使用 LinkFace 活体接口核验客户身份。</translation>
    </message>
    <message>
        <source>check the installation offscreen and exit</source>
        <translation>在后台检查安装后退出</translation>
    </message>
    <message>
        <source>warning: the case {case} could not be closed: {why}</source>
        <translation>警告：业务 {case} 未能结束：{why}</translation>
    </message>
    <message>
        <source>the call was made and recorded; its decision was not: {why} The case {case} stays open: close it with `linkface-desk case close {case} --decision ...`.</source>
        <translation>调用已完成并已记录，但处理结果未记录：{why} 业务 {case} 仍在办理中：请用 `linkface-desk case close {case} --decision ...` 结束。</translation>
    </message>
    <message>
        <source>the history file is not damaged; nothing was moved</source>
        <translation>历史记录文件未损坏，未移动任何文件</translation>
    </message>
    <message>
        <source>the damaged history file was kept as {aside}; a new history was started</source>
        <translation>已损坏的历史记录文件保存为 {aside}；已开始新的历史记录</translation>
    </message>
    <message>
        <source>wrote sandbox liveness file {file} ({size} bytes)</source>
        <translation>已生成沙箱活体文件 {file}（{size} 字节）</translation>
    </message>
    <message>
        <source>warning: no log file can be written ({problem}); calls are still recorded in history</source>
        <translation>警告：无法写入日志文件（{problem}）；调用仍会记入历史记录</translation>
    </message>
    <message>
        <source>list or export recorded calls (personal data masked)</source>
        <translation>列出或导出已记录的调用（个人信息已脱敏）</translation>
    </message>
    <message>
        <source>from this date (YYYY-MM-DD, local time)</source>
        <translation>起始日期（YYYY-MM-DD，本地时间）</translation>
    </message>
    <message>
        <source>before this date</source>
        <translation>截止日期（不含）</translation>
    </message>
    <message>
        <source>unknown: the call may have been billed but no readable answer came back</source>
        <translation>unknown：调用可能已计费，但未收到可读应答</translation>
    </message>
    <message>
        <source>a request_id, sequence_id or ID number (full or masked)</source>
        <translation>request_id、sequence_id 或身份证号（完整或脱敏）</translation>
    </message>
    <message>
        <source>rows to print (default 50; --csv exports all)</source>
        <translation>显示的行数（默认 50；--csv 导出全部）</translation>
    </message>
    <message>
        <source>export the filtered rows to CSV (UTF-8 with BOM)</source>
        <translation>将筛选后的记录导出为 CSV（带 BOM 的 UTF-8）</translation>
    </message>
    <message>
        <source>print JSON lines instead of a table</source>
        <translation>以 JSON 行代替表格输出</translation>
    </message>
    <message>
        <source>keep a damaged history file for IT under a new name and start a new history</source>
        <translation>将已损坏的历史记录文件改名保留给 IT，并开始新的历史记录</translation>
    </message>
    <message>
        <source>list or export the customer cases</source>
        <translation>列出或导出客户业务记录</translation>
    </message>
    <message>
        <source>an OS account or a staff ID</source>
        <translation>操作系统账户或柜员号</translation>
    </message>
    <message>
        <source>the approving supervisor&apos;s staff ID</source>
        <translation>复核主管的柜员号</translation>
    </message>
    <message>
        <source>cases to print (default 50)</source>
        <translation>显示的业务数（默认 50）</translation>
    </message>
    <message>
        <source>export the filtered cases to CSV (UTF-8 with BOM)</source>
        <translation>将筛选出的业务导出为 CSV（带 BOM 的 UTF-8）</translation>
    </message>
    <message>
        <source>exported {count} cases to {file}</source>
        <translation>已将 {count} 笔业务导出到 {file}</translation>
    </message>
    <message>
        <source>exported {count} rows to {file}</source>
        <translation>已导出 {count} 条记录到 {file}</translation>
    </message>
    <message>
        <source>list and manage connection profiles (accounts)</source>
        <translation>列出并管理连接配置（账户）</translation>
    </message>
    <message>
        <source>the profiles, and whether each has a secret (never the secret)</source>
        <translation>列出配置，以及各自是否已保存密钥（从不显示密钥）</translation>
    </message>
    <message>
        <source>print a JSON array</source>
        <translation>以 JSON 数组输出</translation>
    </message>
    <message>
        <source>profile fields (edit changes only those given)</source>
        <translation>配置字段（edit 只修改给出的字段）</translation>
    </message>
    <message>
        <source>add a profile</source>
        <translation>添加配置</translation>
    </message>
    <message>
        <source>edit a profile</source>
        <translation>修改配置</translation>
    </message>
    <message>
        <source>remove a profile and its keychain secret</source>
        <translation>删除配置及其在钥匙串中的密钥</translation>
    </message>
    <message>
        <source>save the API secret in the keychain (prompted, or one line of stdin)</source>
        <translation>将 API 密钥保存到钥匙串（提示输入，或从标准输入读取一行）</translation>
    </message>
    <message>
        <source>get a token: checks the api_id, the secret and the clock</source>
        <translation>获取令牌：检查 api_id、密钥和时钟</translation>
    </message>
    <message>
        <source>{help} &apos;&apos; removes it.</source>
        <translation>{help} 传入 &apos;&apos; 可将其移除。</translation>
    </message>
    <message>
        <source>${variable} is set: it signs for every profile instead of the keychain.</source>
        <translation>已设置 ${variable}：所有配置都用它签名，而不用钥匙串中的密钥。</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Added profile &apos;{name}&apos;. Now save its secret: linkface-desk profile set-secret {quoted}</source>
        <translation>已添加配置“{name}”。请保存其密钥：linkface-desk profile set-secret {quoted}</translation>
    </message>
    <message>
        <source>Saved profile &apos;{name}&apos;.</source>
        <translation>已保存配置“{name}”。</translation>
    </message>
    <message>
        <source>Removed profile &apos;{name}&apos; and its keychain secret, if it had one.</source>
        <translation>已删除配置“{name}”及其在钥匙串中的密钥（如有）。</translation>
    </message>
    <message>
        <source>API secret for {name} (not shown): </source>
        <translation>{name} 的 API 密钥（输入时不显示）：</translation>
    </message>
    <message>
        <source>Saved the API secret of profile &apos;{name}&apos; in the keychain ({backend}).</source>
        <translation>已将配置“{name}”的 API 密钥保存到钥匙串（{backend}）。</translation>
    </message>
    <message>
        <source>signing with ${variable}, not the keychain&apos;s secret.</source>
        <translation>使用 ${variable} 签名，而不是钥匙串中的密钥。</translation>
    </message>
    <message>
        <source>profile &apos;{name}&apos;: the server refused the signature (code {code}), so the api_id, the secret or this computer&apos;s clock ({now}) is wrong.</source>
        <translation>配置“{name}”：服务器拒绝了签名（代码 {code}），说明 api_id、密钥或本机时钟（{now}）有误。</translation>
    </message>
    <message>
        <source>Profile &apos;{name}&apos;: api_id, secret and clock are right (token issued; request_id {request_id}; get_token is not billed).</source>
        <translation>配置“{name}”：api_id、密钥和时钟均正确（已签发令牌；request_id {request_id}；get_token 不计费）。</translation>
    </message>
    <message>
        <source>the clerk&apos;s decision on the case (then it is closed)</source>
        <translation>柜员对本笔业务的处理结果（记录后业务结束）</translation>
    </message>
    <message>
        <source>the decision&apos;s reason code</source>
        <translation>处理结果的原因代码</translation>
    </message>
    <message>
        <source>with --decision other_method: the other way used</source>
        <translation>与 --decision other_method 一起使用：所采用的其他方式</translation>
    </message>
    <message>
        <source>the second person&apos;s staff ID, where the policy asks for one</source>
        <translation>策略要求复核时，第二人的柜员号</translation>
    </message>
    <message>
        <source>her reason code</source>
        <translation>其复核原因代码</translation>
    </message>
    <message>
        <source>the customer case (face calls need consent first)</source>
        <translation>客户业务（人脸调用须先取得同意）</translation>
    </message>
    <message>
        <source>the customer&apos;s consent to face recognition: given, guardian (under 14), or on-file (recorded when the capture was made)</source>
        <translation>客户对人脸识别的同意：given（本人同意）、guardian（未满十四周岁，监护人同意）或 on-file（采集时已记录同意）</translation>
    </message>
    <message>
        <source>add the call to this open case</source>
        <translation>将本次调用加入这笔办理中的业务</translation>
    </message>
    <message>
        <source>open or close a customer case for several calls</source>
        <translation>为多次调用开启或结束一笔客户业务</translation>
    </message>
    <message>
        <source>open a case and print its id</source>
        <translation>开启一笔业务并显示其编号</translation>
    </message>
    <message>
        <source>a saved profile (default: the built-in sandbox)</source>
        <translation>已保存的配置（默认：内置沙箱）</translation>
    </message>
    <message>
        <source>the customer&apos;s consent (declined: no face call in this case)</source>
        <translation>客户的同意情况（declined：本笔业务不进行人脸调用）</translation>
    </message>
    <message>
        <source>the customer&apos;s ID number, to tell a minor</source>
        <translation>客户的身份证号，用于判断是否未成年</translation>
    </message>
    <message>
        <source>record the decision (if given) and close a case</source>
        <translation>记录处理结果（如提供）并结束业务</translation>
    </message>
    <message>
        <source>show or set your staff ID (teller number), recorded with each case; once per OS user</source>
        <translation>查看或设置您的柜员号（随每个案件记录）；每个系统用户设置一次</translation>
    </message>
    <message>
        <source>LinkFace Desk batch report</source>
        <translation>LinkFace Desk 批量核验报告</translation>
    </message>
    <message>
        <source>{ok} answered 0000, {api} API errors, {transport} without an answer, {refused} refused locally; {billed} billed, {unknown} with billing unknown.</source>
        <translation>{ok} 个应答 0000，{api} 个 API 错误，{transport} 个无应答，{refused} 个本地拒绝；{billed} 个计费，{unknown} 个计费未知。</translation>
    </message>
    <message>
        <source>Made {when} on the profile {profile}.</source>
        <translation>生成于 {when}，配置：{profile}。</translation>
    </message>
    <message>
        <source>Sandbox: not real results.</source>
        <translation>沙箱：并非真实结果。</translation>
    </message>
    <message>
        <source>inspect many captures (files, folders, zip archives) and write a report</source>
        <translation>批量核验多个采集（文件、文件夹、zip 压缩包）并写出报告</translation>
    </message>
    <message>
        <source>a capture, a folder (searched recursively) or a zip archive</source>
        <translation>一个采集文件、一个文件夹（递归查找）或一个 zip 压缩包</translation>
    </message>
    <message>
        <source>the report to write (default with --resume: that report)</source>
        <translation>要写出的报告（使用 --resume 时默认为该报告）</translation>
    </message>
    <message>
        <source>csv (the default), jsonl or html; default: from the report&apos;s name</source>
        <translation>csv（默认）、jsonl 或 html；默认按报告文件名判断</translation>
    </message>
    <message>
        <source>make the billable calls without asking (needed without a terminal)</source>
        <translation>不询问直接进行计费调用（无终端时必须指定）</translation>
    </message>
    <message>
        <source>carry on an interrupted batch: skip captures this report already has answered, and add to it</source>
        <translation>继续中断的批量核验：跳过报告中已应答的采集，并追加到该报告</translation>
    </message>
    <message>
        <source>with --resume: also send again the calls whose billing is unknown (check with the vendor first)</source>
        <translation>与 --resume 一起：计费未知的调用也重新发送（请先与供应商核实）</translation>
    </message>
    <message>
        <source>the customers&apos; consent: on-file for captures a branch sends (recorded when they were made); required</source>
        <translation>客户的同意：网点发来的采集用 on-file（采集时已记录）；必填</translation>
    </message>
    <message>
        <source>--resume adds to its own report: leave out --out, or give the same file.</source>
        <translation>--resume 追加到其自身的报告：请省略 --out，或指定同一文件。</translation>
    </message>
    <message>
        <source>the report {report} cannot be resumed: {why}</source>
        <translation>无法继续报告 {report}：{why}</translation>
    </message>
    <message>
        <source>give the report to write with --out REPORT</source>
        <translation>请用 --out REPORT 指定要写出的报告</translation>
    </message>
    <message>
        <source>the report {report} is {found}, not {chosen}</source>
        <translation>报告 {report} 是 {found}，不是 {chosen}</translation>
    </message>
    <message>
        <source>{count} billable calls would be made on the profile {profile}, and there is no terminal to ask: add --yes to make them. Nothing was sent.</source>
        <translation>将在配置 {profile} 上进行 {count} 次计费调用，但没有终端可供确认：请加 --yes 以进行这些调用。未发送任何内容。</translation>
    </message>
    <message>
        <source>Make {count} billable calls on the profile {profile}? [y/N] </source>
        <translation>在配置 {profile} 上进行 {count} 次计费调用？[y/N] </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>the API says the call rate is too high (1009, not billed): waiting {wait} before trying again</source>
        <translation>API 提示调用频率过高（1009，不计费）：等待 {wait} 后重试</translation>
    </message>
    <message>
        <source>[{done}/{total}] {file} {call}: {outcome}</source>
        <translation>[{done}/{total}] {file} {call}：{outcome}</translation>
    </message>
    <message>
        <source>[{done}/{total}] {file} {call}: {outcome}; about {left} left</source>
        <translation>[{done}/{total}] {file} {call}：{outcome}；约剩 {left}</translation>
    </message>
    <message>
        <source>{files} files: {refused} refused locally, {answered} calls already answered in the report, {calls} calls to make ({billable} billable) on the profile {profile}</source>
        <translation>{files} 个文件：{refused} 个本地拒绝，报告中已有 {answered} 个调用已应答，将在配置 {profile} 上进行 {calls} 次调用（{billable} 次计费）</translation>
    </message>
    <message>
        <source>{count} calls are not sent again: their billing is unknown (a person must decide; --retry-unknown sends them)</source>
        <translation>{count} 个调用不再发送：其计费未知（须由人工判断；--retry-unknown 会重新发送）</translation>
    </message>
    <message>
        <source>the report cannot be written: {why}</source>
        <translation>无法写出报告：{why}</translation>
    </message>
    <message>
        <source>stopping after the current file (Ctrl+C again stops at once)</source>
        <translation>当前文件完成后停止（再按 Ctrl+C 立即停止）</translation>
    </message>
    <message>
        <source>stopped: the report {report} holds what was done; carry on with --resume {report}</source>
        <translation>已停止：报告 {report} 记录了已完成的部分；用 --resume {report} 继续</translation>
    </message>
    <message>
        <source>{count} calls got no answer after they were sent: their billing is unknown and a person must decide (the report marks them)</source>
        <translation>{count} 个调用发送后无应答：其计费未知，须由人工判断（报告中已标出）</translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <source>Success</source>
        <translation>调用成功</translation>
    </message>
    <message>
        <source>Nothing to do.</source>
        <translation>无需处理。</translation>
    </message>
    <message>
        <source>Signature check failed</source>
        <translation>验签失败</translation>
    </message>
    <message>
        <source>The API secret or this computer&apos;s clock may be wrong: ask your administrator to check them with Settings → Test connection.</source>
        <translation>API 密钥或本机时钟可能有误，请联系管理员在“设置 → 测试连接”中检查。</translation>
    </message>
    <message>
        <source>A parameter is not UTF-8</source>
        <translation>参数非UTF-8编码</translation>
    </message>
    <message>
        <source>Check the name and other inputs for unusual characters; call IT if it persists.</source>
        <translation>请检查姓名等输入中是否有特殊字符；仍失败请联系 IT。</translation>
    </message>
    <message>
        <source>Bad request parameter</source>
        <translation>请求参数错误</translation>
    </message>
    <message>
        <source>Check the inputs; if they are right, quote the request_id to support.</source>
        <translation>请核对输入项；若输入无误，请将 request_id 提供给技术支持。</translation>
    </message>
    <message>
        <source>Liveness file is invalid</source>
        <translation>加密文件错误</translation>
    </message>
    <message>
        <source>The liveness file is damaged or not from the SDK: ask the customer to capture again.</source>
        <translation>活体文件损坏或不是 SDK 生成的文件，请让客户重新采集。</translation>
    </message>
    <message>
        <source>No face detected</source>
        <translation>未检测出人脸</translation>
    </message>
    <message>
        <source>Ask the customer to retake, facing the camera in good light.</source>
        <translation>请让客户正对镜头、光线充足后重新采集。</translation>
    </message>
    <message>
        <source>Fetching the network image timed out</source>
        <translation>网络图片获取超时</translation>
    </message>
    <message>
        <source>Check that the URL is reachable and retry, or upload the file instead.</source>
        <translation>请确认地址可访问后重试，或改为上传本地文件。</translation>
    </message>
    <message>
        <source>Fetching the network image failed</source>
        <translation>网络图片获取失败</translation>
    </message>
    <message>
        <source>Check the URL, or upload the file instead.</source>
        <translation>请检查地址是否正确，或改为上传本地文件。</translation>
    </message>
    <message>
        <source>Application frozen (not authorized)</source>
        <translation>应用冻结</translation>
    </message>
    <message>
        <source>The account is frozen: contact your administrator and the vendor.</source>
        <translation>账户已被冻结，请联系管理员与供应商。</translation>
    </message>
    <message>
        <source>Application expired</source>
        <translation>应用过期</translation>
    </message>
    <message>
        <source>The account has expired: ask your administrator to renew it.</source>
        <translation>账户已过期，请联系管理员续期。</translation>
    </message>
    <message>
        <source>Call rate too high</source>
        <translation>调用频率过高</translation>
    </message>
    <message>
        <source>Wait a minute before trying again.</source>
        <translation>请稍等一分钟后再试。</translation>
    </message>
    <message>
        <source>Free quota used up</source>
        <translation>免费次数用尽</translation>
    </message>
    <message>
        <source>The call quota is used up: contact your administrator.</source>
        <translation>调用次数已用完，请联系管理员。</translation>
    </message>
    <message>
        <source>No permission for this service</source>
        <translation>服务无权限</translation>
    </message>
    <message>
        <source>The account is not enabled for this service: contact your administrator.</source>
        <translation>账户未开通此服务，请联系管理员。</translation>
    </message>
    <message>
        <source>Wrong request path</source>
        <translation>请求路径错误</translation>
    </message>
    <message>
        <source>Check the profile&apos;s base URL; call IT if it persists.</source>
        <translation>请检查配置中的服务地址；仍失败请联系 IT。</translation>
    </message>
    <message>
        <source>Image too large</source>
        <translation>图片体积过大</translation>
    </message>
    <message>
        <source>Use a photo of at most 5 MB.</source>
        <translation>请使用不超过 5 MB 的照片。</translation>
    </message>
    <message>
        <source>Image does not exist</source>
        <translation>图片不存在</translation>
    </message>
    <message>
        <source>The image id is unknown or expired: upload the photo again.</source>
        <translation>照片编号无效或已过期，请重新上传照片。</translation>
    </message>
    <message>
        <source>Not an image, or damaged</source>
        <translation>文件不是图片或已损坏</translation>
    </message>
    <message>
        <source>Choose a valid JPG, PNG, BMP, GIF or TIFF photo.</source>
        <translation>请选择有效的 JPG/PNG/BMP/GIF/TIFF 照片。</translation>
    </message>
    <message>
        <source>Image size or format not accepted</source>
        <translation>图片大小或格式不符合要求</translation>
    </message>
    <message>
        <source>The photo must be 9 to 4000 pixels wide and high, in JPG, PNG, BMP, GIF or TIFF.</source>
        <translation>照片宽高须在 9–4000 像素之间，格式为 JPG/PNG/BMP/GIF/TIFF。</translation>
    </message>
    <message>
        <source>Data-source service error</source>
        <translation>数据源服务出错</translation>
    </message>
    <message>
        <source>The ID data source is unavailable: try again later.</source>
        <translation>公安数据源暂时不可用，请稍后重试。</translation>
    </message>
    <message>
        <source>Other error (server internal error)</source>
        <translation>其他错误</translation>
    </message>
    <message>
        <source>Try again later; if it persists, quote the request_id to support.</source>
        <translation>请稍后重试；仍失败请将 request_id 提供给技术支持。</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {offset} behind the server&apos;s: set the clock right, then try again.</source>
        <translation>本机时钟比服务器慢 {offset}，请校准时钟后重试。</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {offset} ahead of the server&apos;s: set the clock right, then try again.</source>
        <translation>本机时钟比服务器快 {offset}，请校准时钟后重试。</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分</translation>
    </message>
    <message>
        <source>{days} d {hours} h</source>
        <translation>{days} 天 {hours} 小时</translation>
    </message>
    <message>
        <source>Unknown code {code}</source>
        <translation>未知错误码 {code}</translation>
    </message>
    <message>
        <source>Quote the code and the request_id to support.</source>
        <translation>请将错误码和 request_id 提供给技术支持。</translation>
    </message>
</context>
<context>
    <name>ConsentStep</name>
    <message>
        <source>The customer declines face recognition</source>
        <translation>客户不同意人脸识别</translation>
    </message>
    <message>
        <source>The customer&apos;s consent to face recognition</source>
        <translation>客户对人脸识别的同意</translation>
    </message>
    <message>
        <source>Before any face check, show the customer this notice or read it out. Face recognition needs her separate consent; if she declines, she is verified another way and her business goes on.</source>
        <translation>进行人脸核验前，请向客户出示或宣读本告知书。人脸识别须取得客户的单独同意；客户不同意的，改用其他方式核验身份，照常办理业务。</translation>
    </message>
    <message>
        <source>Notice to the customer</source>
        <translation>客户告知书</translation>
    </message>
    <message>
        <source>Guardian present and consents</source>
        <translation>监护人在场并同意</translation>
    </message>
    <message>
        <source>Customer consents</source>
        <translation>客户同意</translation>
    </message>
    <message>
        <source>Customer declines</source>
        <translation>客户不同意，改用其他方式</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>No face check is made for this customer. Record how she is verified instead; her business goes on.</source>
        <translation>本客户不进行人脸核验。请记录改用的核验方式，照常办理业务。</translation>
    </message>
    <message>
        <source>Verified instead by</source>
        <translation>改用的核验方式</translation>
    </message>
    <message>
        <source>Not verified: the customer left</source>
        <translation>未核验：客户已离开</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Recorded: %1</source>
        <translation>已记录：%1</translation>
    </message>
    <message>
        <source>No face check is made for this customer. Next customer (Esc) closes the case.</source>
        <translation>本客户不进行人脸核验。点“下一位客户 (Esc)”结束本笔业务。</translation>
    </message>
    <message>
        <source>Next customer (Esc)</source>
        <translation>下一位客户 (Esc)</translation>
    </message>
</context>
<context>
    <name>CopyField</name>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>复制 %1</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>This customer: %1 checks, %2 billed</source>
        <translation>本客户：核验 %1 次，计费 %2 次</translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation>主管 %1 复核</translation>
    </message>
    <message>
        <source>Recorded: %1. Next customer (Esc) closes the case.</source>
        <translation>已记录：%1。点“下一位客户 (Esc)”结束本笔业务。</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Other method</source>
        <translation>其他核验方式</translation>
    </message>
    <message>
        <source>Supervisor&apos;s staff ID</source>
        <translation>主管柜员号</translation>
    </message>
    <message>
        <source>Supervisor&apos;s reason</source>
        <translation>主管复核原因</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Record decision</source>
        <translation>记录处理决定</translation>
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
    <name>DetectionType</name>
    <message>
        <source>Liveness</source>
        <translation>活体检测</translation>
    </message>
    <message>
        <source>ID card OCR</source>
        <translation>身份证识别</translation>
    </message>
    <message>
        <source>Bank card OCR</source>
        <translation>银行卡识别</translation>
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
        <source>(empty body)</source>
        <translation>（空应答）</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>The file had already been sent, so the server may still check (and bill) this call; its answer will be recorded in History, not shown here.</source>
        <translation>文件已发送完毕，服务器仍可能完成核验（并计费）；其结果将记入历史记录，不在此显示。</translation>
    </message>
    <message>
        <source>The upload was stopped before it finished; nothing was checked or billed.</source>
        <translation>上传在完成前已停止：未进行核验，也未计费。</translation>
    </message>
    <message>
        <source>If it happens again, quote the sequence id to support; the raw answer is under &quot;Raw response&quot;.</source>
        <translation>如再次出现，请将 sequence id 提供给技术支持；原始应答见“原始响应”。</translation>
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
        <source>Technical details (for support): %1</source>
        <translation>技术细节（供技术支持）：%1</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>服务地址</translation>
    </message>
    <message>
        <source>api_id</source>
        <translation>api_id</translation>
    </message>
    <message>
        <source>Timestamp unit</source>
        <translation>时间戳单位</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>Read timeout</source>
        <translation>读取超时</translation>
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
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Clear the screen after no input for</source>
        <translation>无操作多久后清空屏幕</translation>
    </message>
    <message>
        <source>Capture folder</source>
        <translation>采集文件夹</translation>
    </message>
    <message>
        <source>The profile&apos;s name, under which its secret is kept in the keychain: 1 to 64 characters, without quotes or backslashes.</source>
        <translation>配置名称，其密钥以此名称保存在钥匙串中：1 到 64 个字符，不含引号或反斜杠。</translation>
    </message>
    <message>
        <source>The API&apos;s address, https://… (plain http only to this computer, 127.0.0.1); default {default}.</source>
        <translation>接口地址，https://…（仅本机 127.0.0.1 可用 http）；默认 {default}。</translation>
    </message>
    <message>
        <source>The account&apos;s api_id, as the vendor issued it.</source>
        <translation>账户的 api_id，以服务商签发的为准。</translation>
    </message>
    <message>
        <source>How the signature&apos;s timestamp is counted, as the vendor set up the account: ms or s (default {default}).</source>
        <translation>签名时间戳的单位，以服务商为账户的设置为准：ms 或 s（默认 {default}）。</translation>
    </message>
    <message>
        <source>Seconds to wait for the server to accept the connection ({low} to {high}; default {default}).</source>
        <translation>等待服务器接受连接的秒数（{low} 到 {high}；默认 {default}）。</translation>
    </message>
    <message>
        <source>Seconds to wait for the server&apos;s answer ({low} to {high}; default {default}).</source>
        <translation>等待服务器应答的秒数（{low} 到 {high}；默认 {default}）。</translation>
    </message>
    <message>
        <source>The system&apos;s proxy settings, a direct connection, or a proxy&apos;s URL, such as http://proxy.example:8080.</source>
        <translation>使用系统的代理设置、直接连接，或填写代理的地址，如 http://proxy.example:8080。</translation>
    </message>
    <message>
        <source>A file of extra CA certificates (PEM) to trust besides the system&apos;s, for a bank&apos;s own certificate authority.</source>
        <translation>除系统证书外额外信任的 CA 证书文件（PEM），用于银行自己的证书颁发机构。</translation>
    </message>
    <message>
        <source>The face_score operating threshold: from this score two faces are read as the same person ({low} to {high}; default {default}).</source>
        <translation>face_score 判定阈值：分数达到此值即判为同一人（{low} 到 {high}；默认 {default}）。</translation>
    </message>
    <message>
        <source>The detection types the account may ask for, separated by commas (default {default}).</source>
        <translation>账户可使用的检测类型，以逗号分隔（默认 {default}）。</translation>
    </message>
    <message>
        <source>Record this profile&apos;s calls in the history (on by default).</source>
        <translation>在历史记录中记录此配置的调用（默认开启）。</translation>
    </message>
    <message>
        <source>The window&apos;s language; by default the system&apos;s.</source>
        <translation>窗口的语言；默认跟随系统。</translation>
    </message>
    <message>
        <source>After this long without input the window clears the customer&apos;s data ({low} to {high} s).</source>
        <translation>无操作达到此时长后，窗口清空客户信息（{low} 到 {high} 秒）。</translation>
    </message>
    <message>
        <source>Where the capture app saves the customers&apos; files: choosing a capture or a selfie starts there. Empty: the folder used last.</source>
        <translation>采集应用保存客户文件的文件夹：选择活体采集文件或自拍照片时从这里开始。留空：使用上次的文件夹。</translation>
    </message>
    <message>
        <source>Record calls</source>
        <translation>记录调用</translation>
    </message>
    <message>
        <source>none: the system&apos;s trusted certificates</source>
        <translation>无：使用系统信任的证书</translation>
    </message>
    <message>
        <source>none: the folder used last</source>
        <translation>无：使用上次的文件夹</translation>
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
        <source>Choose the capture folder</source>
        <translation>选择采集文件夹</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>The system&apos;s proxy settings</source>
        <translation>使用系统的代理设置</translation>
    </message>
    <message>
        <source>No proxy: connect directly</source>
        <translation>不使用代理，直接连接</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>GenericPage</name>
    <message>
        <source>Every field the server returns is shown with the result.</source>
        <translation>结果中会显示服务器返回的全部字段。</translation>
    </message>
</context>
<context>
    <name>HackPage</name>
    <message>
        <source>Hack detection</source>
        <translation>攻击检测</translation>
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
        <source>%1 could not be written (%2): choose another folder or close the file, then export again.</source>
        <translation>无法写入 %1（%2）：请选择其他文件夹或关闭该文件，然后重新导出。</translation>
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
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>调用记录</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>客户个案</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Recorded calls</source>
        <translation>调用记录</translation>
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
    <name>Languages</name>
    <message>
        <source>English</source>
        <translation>中文</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批量核验</translation>
    </message>
    <message>
        <source>The customer&apos;s case could not be closed: %1</source>
        <translation>客户业务未能结束：%1</translation>
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
        <source>Staff ID: %1</source>
        <translation>柜员号：%1</translation>
    </message>
    <message>
        <source>Staff ID: not set</source>
        <translation>柜员号：未设置</translation>
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
        <source>The check already sent may still be billed; its answer will be recorded in History.</source>
        <translation>已发送的核验仍可能计费，其结果将记入历史记录。</translation>
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
        <source>Staff ID %1 saved.</source>
        <translation>柜员号 %1 已保存。</translation>
    </message>
    <message>
        <source>Next customer</source>
        <translation>下一位客户</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>业务</translation>
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
    <name>Problems</name>
    <message>
        <source>The history file {path} is damaged ({detail}); it was left as it is. Move it aside to start a new history (History page, or linkface-desk history --move-aside), and keep it for IT.</source>
        <translation>历史记录文件 {path} 已损坏（{detail}），文件未被改动。可将其移走以开始新的历史记录（历史页面，或 linkface-desk history --move-aside），并请保留给 IT 检查。</translation>
    </message>
    <message>
        <source>The history file {path} was written by a newer LinkFace Desk ({detail}); update the app. The file was not changed.</source>
        <translation>历史记录文件 {path} 由更新版本的 LinkFace Desk 创建（{detail}），请升级本程序。文件未被修改。</translation>
    </message>
    <message>
        <source>The disk that holds the history ({folder}) is full: free some space on it, then try again. Nothing was sent.</source>
        <translation>保存历史记录的磁盘（{folder}）已满：请清理磁盘空间后重试。本次未发送。</translation>
    </message>
    <message>
        <source>The history path {path} is a folder, not a file: ask IT to remove or rename it. Nothing was sent.</source>
        <translation>历史记录路径 {path} 是文件夹而不是文件：请联系 IT 删除或改名。本次未发送。</translation>
    </message>
    <message>
        <source>The history file {path} cannot be written (permission denied or read-only): ask IT to fix its permissions. Nothing was sent.</source>
        <translation>历史记录文件 {path} 无法写入（无权限或只读）：请联系 IT 修正权限。本次未发送。</translation>
    </message>
    <message>
        <source>Another program is holding the history file {path}: close other copies of LinkFace Desk, then try again. Nothing was sent.</source>
        <translation>历史记录文件 {path} 正被其他程序占用：请关闭其他 LinkFace Desk 窗口后重试。本次未发送。</translation>
    </message>
    <message>
        <source>The history file {path} cannot be written ({detail}): call IT. Nothing was sent.</source>
        <translation>历史记录文件 {path} 无法写入（{detail}）：请联系 IT。本次未发送。</translation>
    </message>
    <message>
        <source>No usable keychain was found ({backend}).</source>
        <translation>未找到可用的系统钥匙串（{backend}）。</translation>
    </message>
    <message>
        <source>The keyring backend {backend} keeps secrets in a plain file, which LinkFace Desk refuses to use.</source>
        <translation>当前 keyring 后端 {backend} 以明文文件保存密钥，本程序拒绝使用。</translation>
    </message>
    <message>
        <source>The keychain is locked or refused access ({backend}).</source>
        <translation>系统钥匙串已锁定或拒绝访问（{backend}）。</translation>
    </message>
    <message>
        <source>The keychain reported an error ({backend}).</source>
        <translation>系统钥匙串报告错误（{backend}）。</translation>
    </message>
    <message>
        <source>Log in to a desktop session with GNOME Keyring or KWallet running and unlocked, then try again.</source>
        <translation>请登录桌面会话并确保 GNOME Keyring 或 KWallet 已运行且已解锁，然后重试。</translation>
    </message>
    <message>
        <source>Unlock the login keychain (Keychain Access), then try again.</source>
        <translation>请在“钥匙串访问”中解锁登录钥匙串，然后重试。</translation>
    </message>
    <message>
        <source>Windows Credential Manager is not available to this account: ask IT, then try again.</source>
        <translation>当前账户无法使用 Windows 凭据管理器，请联系 IT 后重试。</translation>
    </message>
    <message>
        <source>The keychain is not available: call IT.</source>
        <translation>钥匙串不可用，请联系 IT</translation>
    </message>
    <message>
        <source>For scripts, set {variable} instead. The secret is never stored in a file.</source>
        <translation>脚本中可改用环境变量 {variable}。密钥绝不会保存到文件中。</translation>
    </message>
    <message>
        <source>The settings file was upgraded from format {version} to {current}; the old file was kept as {kept_at}.</source>
        <translation>设置文件已从格式 {version} 升级到 {current}；旧文件保存在 {kept_at}。</translation>
    </message>
    <message>
        <source>The settings file could not be read ({reason}). It was kept as {kept_at}; the saved profiles must be entered again (the keychain secrets are still there).</source>
        <translation>无法读取设置文件（{reason}）。原文件已保存为 {kept_at}；请重新填写配置（钥匙串中的密钥仍在）。</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>本次未发送。</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>New profile</source>
        <translation>新建配置</translation>
    </message>
    <message>
        <source>API secret</source>
        <translation>API 密钥</translation>
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
        <source>Profiles</source>
        <translation>配置列表</translation>
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
    <name>Profiles</name>
    <message>
        <source>Profile %1 has no saved API secret: its checks will fail until your administrator enters it in Settings.</source>
        <translation>配置 %1 尚未保存 API 密钥：在管理员于“设置”中填写之前，核验将无法进行。</translation>
    </message>
</context>
<context>
    <name>Records</name>
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
    <name>Rules</name>
    <message>
        <source>Enter the ID number.</source>
        <translation>请输入身份证号。</translation>
    </message>
    <message>
        <source>An ID number has 18 characters; this one has {length}.</source>
        <translation>身份证号应为 18 位，当前为 {length} 位。</translation>
    </message>
    <message>
        <source>The first 17 characters must be digits and the last a digit or X.</source>
        <translation>身份证号前 17 位须为数字，最后一位为数字或 X。</translation>
    </message>
    <message>
        <source>Characters 7 to 14 ({digits}) are not a valid birth date.</source>
        <translation>第 7–14 位（{digits}）不是有效的出生日期。</translation>
    </message>
    <message>
        <source>The ID number does not add up (its check character does not match): compare the whole number with the ID card, character by character.</source>
        <translation>身份证号码校验未通过：请对照身份证逐位核对整个号码。</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>请输入客户姓名。</translation>
    </message>
    <message>
        <source>The name is longer than {limit} characters.</source>
        <translation>姓名超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The name contains control characters.</source>
        <translation>姓名包含控制字符。</translation>
    </message>
    <message>
        <source>The name contains an emoji or other symbol ({code_point}); enter the name as written on the ID card.</source>
        <translation>姓名包含表情符号或其他符号（{code_point}），请按身份证上的写法输入。</translation>
    </message>
    <message>
        <source>The name contains an invisible character ({code_point}, such as a zero-width space or a text-direction mark); retype the name.</source>
        <translation>姓名包含不可见字符（{code_point}，如零宽空格或文字方向控制符），请重新输入姓名。</translation>
    </message>
    <message>
        <source>The name has no letters; enter the customer&apos;s name.</source>
        <translation>姓名中没有文字，请输入客户姓名。</translation>
    </message>
    <message>
        <source>The sequence id must be 1 to 64 characters, each an ASCII letter, a digit, - or _.</source>
        <translation>sequence_id 须为 1–64 个字符，仅限英文字母、数字、- 和 _。</translation>
    </message>
    <message>
        <source>Detection type must be one of: {allowed}.</source>
        <translation>检测类型须为以下之一：{allowed}。</translation>
    </message>
    <message>
        <source>The address cannot be read; check it character by character.</source>
        <translation>无法识别该地址，请逐字检查。</translation>
    </message>
    <message>
        <source>The address must start with http:// or https:// and name a host.</source>
        <translation>地址须以 http:// 或 https:// 开头并包含主机名。</translation>
    </message>
    <message>
        <source>The address contains a user name or password (before @); remove it: it would be sent to the vendor and kept in history.</source>
        <translation>地址中包含用户名或密码（@ 之前的部分），请删除：否则会发送给服务商并保存在历史记录中。</translation>
    </message>
    <message>
        <source>The base URL must not contain a user name or password (user:pass@); the API signs each call instead.</source>
        <translation>服务地址中不能包含用户名或密码（user:pass@）；接口以签名认证。</translation>
    </message>
    <message>
        <source>The address is too long or contains spaces.</source>
        <translation>地址过长或包含空格。</translation>
    </message>
    <message>
        <source>Enter the stored id.</source>
        <translation>请输入已存储的编号。</translation>
    </message>
    <message>
        <source>The stored id has spaces, control characters or is too long.</source>
        <translation>编号包含空格或控制字符，或过长。</translation>
    </message>
    <message>
        <source>Choose or drop the liveness file.</source>
        <translation>请选择或拖入活体文件。</translation>
    </message>
    <message>
        <source>Choose or drop the selfie.</source>
        <translation>请选择或拖入自拍照片。</translation>
    </message>
    <message>
        <source>No such file: {file}.</source>
        <translation>文件不存在：{file}。</translation>
    </message>
    <message>
        <source>{file} is a folder; choose a file.</source>
        <translation>{file} 是文件夹，请选择文件。</translation>
    </message>
    <message>
        <source>{file} is not a regular file (a pipe or device).</source>
        <translation>{file} 不是普通文件（是管道或设备）。</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}.</source>
        <translation>无法读取 {file}：{reason}。</translation>
    </message>
    <message>
        <source>{file} cannot be read: permission denied.</source>
        <translation>无法读取 {file}：没有读取权限。</translation>
    </message>
    <message>
        <source>{file} can no longer be read ({reason}); it was moved or changed after it was checked. Choose it again.</source>
        <translation>{file} 已无法读取（{reason}），检查后被移动或修改，请重新选择。</translation>
    </message>
    <message>
        <source>The liveness file is empty; ask for the capture again.</source>
        <translation>活体文件为空，请重新采集。</translation>
    </message>
    <message>
        <source>The image is empty; choose another image.</source>
        <translation>图片为空，请重新选择。</translation>
    </message>
    <message>
        <source>The file is empty; choose another file.</source>
        <translation>文件为空，请重新选择。</translation>
    </message>
    <message>
        <source>The liveness file is too large: the API accepts at most {limit_mb} MB ({limit_bytes:,} bytes); this file is {size:,} bytes.</source>
        <translation>活体文件过大：接口上限为 {limit_mb} MB（{limit_bytes:,} 字节），此文件为 {size:,} 字节。</translation>
    </message>
    <message>
        <source>The image is too large: the API accepts at most {limit_mb} MB ({limit_bytes:,} bytes); this file is {size:,} bytes.</source>
        <translation>图片过大：接口上限为 {limit_mb} MB（{limit_bytes:,} 字节），此文件为 {size:,} 字节。</translation>
    </message>
    <message>
        <source>The file is too large: the API accepts at most {limit_mb} MB ({limit_bytes:,} bytes); this file is {size:,} bytes.</source>
        <translation>文件过大：接口上限为 {limit_mb} MB（{limit_bytes:,} 字节），此文件为 {size:,} 字节。</translation>
    </message>
    <message>
        <source>The liveness file is too large: the API accepts at most {limit_bytes:,} bytes; this file is {size:,} bytes.</source>
        <translation>活体文件过大：接口上限为 {limit_bytes:,} 字节，此文件为 {size:,} 字节。</translation>
    </message>
    <message>
        <source>The image is too large: the API accepts at most {limit_bytes:,} bytes; this file is {size:,} bytes.</source>
        <translation>图片过大：接口上限为 {limit_bytes:,} 字节，此文件为 {size:,} 字节。</translation>
    </message>
    <message>
        <source>The file is too large: the API accepts at most {limit_bytes:,} bytes; this file is {size:,} bytes.</source>
        <translation>文件过大：接口上限为 {limit_bytes:,} 字节，此文件为 {size:,} 字节。</translation>
    </message>
    <message>
        <source>The file is not an image, or it is damaged.</source>
        <translation>文件不是图片或已损坏。</translation>
    </message>
    <message>
        <source>{format} images are not accepted; use JPG, PNG, BMP, GIF or TIFF.</source>
        <translation>不支持 {format} 格式，请使用 JPG、PNG、BMP、GIF 或 TIFF。</translation>
    </message>
    <message>
        <source>The image width is {pixels} px; it must be {low} to {high} px.</source>
        <translation>图片宽为 {pixels} 像素，须在 {low}–{high} 像素之间。</translation>
    </message>
    <message>
        <source>The image height is {pixels} px; it must be {low} to {high} px.</source>
        <translation>图片高为 {pixels} 像素，须在 {low}–{high} 像素之间。</translation>
    </message>
    <message>
        <source>The image is damaged or incomplete ({reason}).</source>
        <translation>图片已损坏或不完整（{reason}）。</translation>
    </message>
    <message>
        <source>The image declares far more pixels than any photo (a decompression bomb); it was not decoded.</source>
        <translation>图片声明的像素数远超任何照片（疑似解压炸弹），未予解码。</translation>
    </message>
    <message>
        <source>The base URL must start with https:// (plain http:// is allowed only for this computer, 127.0.0.1).</source>
        <translation>服务地址须以 https:// 开头（仅本机 127.0.0.1 可使用 http://）。</translation>
    </message>
    <message>
        <source>The CA bundle file cannot be used: {reason}.</source>
        <translation>CA 证书文件无法使用：{reason}。</translation>
    </message>
    <message>
        <source>The API secret must be one line of printable characters, not empty.</source>
        <translation>API 密钥须为一行可打印字符，且不能为空。</translation>
    </message>
    <message>
        <source>No API secret is saved for profile &apos;{profile}&apos;: set it in the profile settings or with `linkface-desk profile set-secret {quoted}`.</source>
        <translation>配置“{profile}”尚未保存 API 密钥：请在配置设置中设置，或运行 `linkface-desk profile set-secret {quoted}`。</translation>
    </message>
    <message>
        <source>Give exactly one of {flag}-file, {flag}-url or {flag}-id.</source>
        <translation>请只指定 {flag}-file、{flag}-url 或 {flag}-id 中的一个。</translation>
    </message>
    <message>
        <source>Give --sandbox, --profile or --base-url, not several.</source>
        <translation>--sandbox、--profile 与 --base-url 只能选一个。</translation>
    </message>
    <message>
        <source>--base-url and --api-id go together, with the secret in ${variable}.</source>
        <translation>--base-url 与 --api-id 须同时给出，密钥放在环境变量 {variable} 中。</translation>
    </message>
    <message>
        <source>The Sandbox profile needs the in-process sandbox, which this command was not given.</source>
        <translation>沙箱配置需要内置沙箱服务，本命令未提供。</translation>
    </message>
    <message>
        <source>The Sandbox profile is built in: it cannot be edited or removed.</source>
        <translation>沙箱配置为内置配置，不能修改或删除。</translation>
    </message>
    <message>
        <source>The Sandbox profile needs no secret.</source>
        <translation>沙箱配置无需密钥。</translation>
    </message>
    <message>
        <source>Motions are comma-separated numbers, e.g. 0,1,2,3.</source>
        <translation>动作须为逗号分隔的数字，例如 0,1,2,3。</translation>
    </message>
    <message>
        <source>Cannot make the file: {reason}</source>
        <translation>无法生成文件：{reason}</translation>
    </message>
    <message>
        <source>Keep history between {low} and {high} days.</source>
        <translation>历史记录保留天数须在 {low}–{high} 之间。</translation>
    </message>
    <message>
        <source>{field} must be a number from {low} to {high}.</source>
        <translation>{field} 须为 {low} 到 {high} 之间的数字。</translation>
    </message>
    <message>
        <source>{field} must be a number from {low} to {high} s.</source>
        <translation>{field} 须为 {low} 到 {high} 秒之间的数字。</translation>
    </message>
    <message>
        <source>The profile name must be 1 to 64 printable characters, without quotes or backslashes or spaces at either end.</source>
        <translation>配置名称须为 1 至 64 个可打印字符，不含引号、反斜杠，首尾不能有空格。</translation>
    </message>
    <message>
        <source>The base URL must be text.</source>
        <translation>服务地址须为文本。</translation>
    </message>
    <message>
        <source>record_history must be true or false.</source>
        <translation>record_history 须为 true 或 false。</translation>
    </message>
    <message>
        <source>A profile must be a JSON object.</source>
        <translation>配置须为 JSON 对象。</translation>
    </message>
    <message>
        <source>The name &apos;{name}&apos; and the base URL &apos;{base_url}&apos; belong to the built-in Sandbox profile.</source>
        <translation>名称“{name}”与服务地址“{base_url}”保留给内置沙箱配置。</translation>
    </message>
    <message>
        <source>The api_id is required: 1 to 128 characters, no spaces.</source>
        <translation>api_id 为必填项：1 至 128 个字符，不含空格。</translation>
    </message>
    <message>
        <source>The timestamp unit must be ms or s.</source>
        <translation>时间戳单位须为 ms 或 s。</translation>
    </message>
    <message>
        <source>The CA bundle must be given as a full path to a file.</source>
        <translation>CA 证书文件须使用完整路径。</translation>
    </message>
    <message>
        <source>Give one or more distinct detection types in lowercase letters, digits and _ (default: {defaults}).</source>
        <translation>请给出一个或多个互不相同的检测类型，仅含小写字母、数字和下划线（默认：{defaults}）。</translation>
    </message>
    <message>
        <source>A proxy password would be saved in plain text: choose system and let the system&apos;s proxy settings carry it.</source>
        <translation>代理密码会以明文保存：请选择 system，由系统代理设置提供。</translation>
    </message>
    <message>
        <source>The proxy must be system, none, or a URL such as http://proxy.example:8080.</source>
        <translation>代理须为 system、none，或形如 http://proxy.example:8080 的地址。</translation>
    </message>
    <message>
        <source>Unknown fields ({unknown}) or no name.</source>
        <translation>未知字段（{unknown}）或缺少名称。</translation>
    </message>
    <message>
        <source>The file is not a settings document (profiles, last_profile).</source>
        <translation>文件不是有效的设置文档。</translation>
    </message>
    <message>
        <source>The file has no valid format version.</source>
        <translation>文件缺少有效的格式版本。</translation>
    </message>
    <message>
        <source>A profile named &apos;{profile}&apos; already exists.</source>
        <translation>名为“{profile}”的配置已存在。</translation>
    </message>
    <message>
        <source>The profile &apos;{profile}&apos; appears twice or is reserved.</source>
        <translation>配置“{profile}”重复或为保留名称。</translation>
    </message>
    <message>
        <source>There is no profile named &apos;{profile}&apos;.</source>
        <translation>没有名为“{profile}”的配置。</translation>
    </message>
    <message>
        <source>A profile cannot be renamed: add a new one and remove the old one.</source>
        <translation>配置不能改名：请新建配置并删除旧配置。</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be read: {reason}. Ask IT to fix it, or set LINKFACE_DESK_HOME to another folder.</source>
        <translation>设置文件 {path} 无法读取：{reason}。请联系 IT 修正，或将 LINKFACE_DESK_HOME 设为其他文件夹。</translation>
    </message>
    <message>
        <source>The settings file {path} is a folder. Ask IT to fix it, or set LINKFACE_DESK_HOME to another folder.</source>
        <translation>设置文件 {path} 是文件夹。请联系 IT 修正，或将 LINKFACE_DESK_HOME 设为其他文件夹。</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be written: {reason}. Nothing was changed; ask IT to fix the folder&apos;s permissions.</source>
        <translation>设置文件 {path} 无法写入：{reason}。未作任何更改；请联系 IT 修正文件夹权限。</translation>
    </message>
    <message>
        <source>The settings file {path} was written by a newer LinkFace Desk (format {version}; this version reads up to {current}). It was left untouched and cannot be changed here: update LinkFace Desk. Only the Sandbox profile is available.</source>
        <translation>设置文件 {path} 由更新版本的 LinkFace Desk 写入（格式 {version}，本版本最高支持 {current}）。文件未作改动，此处无法修改：请升级 LinkFace Desk。目前仅可使用沙箱配置。</translation>
    </message>
    <message>
        <source>Confirm the customer&apos;s consent to face recognition first, or record that the customer declined.</source>
        <translation>请先确认客户同意人脸识别，或记录客户拒绝。</translation>
    </message>
    <message>
        <source>The customer declined face recognition: this case makes no face call. Use the alternative and record the decision.</source>
        <translation>客户拒绝人脸识别：本业务不进行人脸核验。请改用其他方式，并记录处理结果。</translation>
    </message>
    <message>
        <source>The ID number says the customer is under {age}: a parent or guardian must be present and consent (PIPL art. 31).</source>
        <translation>身份证号显示客户未满 {age} 周岁：须由父母或其他监护人在场并同意（《个人信息保护法》第三十一条）。</translation>
    </message>
    <message>
        <source>Choose the decision.</source>
        <translation>请选择处理结果。</translation>
    </message>
    <message>
        <source>There is no reason code &apos;{reason}&apos;.</source>
        <translation>没有原因代码“{reason}”。</translation>
    </message>
    <message>
        <source>That reason does not go with this decision.</source>
        <translation>该原因与所选处理结果不符。</translation>
    </message>
    <message>
        <source>After this result nothing was verified, so the customer cannot be accepted on it: choose another decision.</source>
        <translation>此结果未能核实客户身份，不能据此通过：请选择其他处理结果。</translation>
    </message>
    <message>
        <source>Choose the other method that was used.</source>
        <translation>请选择所采用的其他核验方式。</translation>
    </message>
    <message>
        <source>This result needs a second person: a supervisor enters her staff ID and a reason.</source>
        <translation>此结果须经第二人复核：请主管输入其柜员号并选择原因。</translation>
    </message>
    <message>
        <source>The supervisor must be another person: her staff ID differs from the clerk&apos;s.</source>
        <translation>复核主管须为另一人：其柜员号不能与经办柜员相同。</translation>
    </message>
    <message>
        <source>Enter the supervisor&apos;s staff ID.</source>
        <translation>请输入主管的柜员号。</translation>
    </message>
    <message>
        <source>Choose the supervisor&apos;s reason.</source>
        <translation>请选择主管的复核原因。</translation>
    </message>
    <message>
        <source>Enter your staff ID.</source>
        <translation>请输入您的柜员号。</translation>
    </message>
    <message>
        <source>A staff ID is 1 to {limit} letters, digits, - or _.</source>
        <translation>柜员号为 1 至 {limit} 个字母、数字、- 或 _。</translation>
    </message>
    <message>
        <source>staff_id must be text.</source>
        <translation>staff_id 必须是文本。</translation>
    </message>
    <message>
        <source>consent_notice must be text.</source>
        <translation>consent_notice 必须是文本。</translation>
    </message>
    <message>
        <source>The consent notice is longer than {limit} characters.</source>
        <translation>告知书超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The policy&apos;s {key} is not valid: see the README&apos;s section on the case policy.</source>
        <translation>策略中的 {key} 无效：请参阅 README 中关于业务策略的说明。</translation>
    </message>
    <message>
        <source>The case {case} is not open (closed, or not in this history).</source>
        <translation>业务 {case} 未处于办理中（已结束，或不在本记录中）。</translation>
    </message>
</context>
<context>
    <name>Scale</name>
    <message>
        <source>Certificate score</source>
        <translation>证照比对分数</translation>
    </message>
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
        <source>Face score</source>
        <translation>人脸分数</translation>
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
        <source>Attack risk</source>
        <translation>攻击风险</translation>
    </message>
    <message>
        <source>Hack score: above 0.98 is an attack (photo, screen or mask); 0.9 to 1 is drawn larger</source>
        <translation>攻击分数：高于 0.98 即为攻击（照片、屏幕或面具）；0.9–1 段已放大显示</translation>
    </message>
    <message>
        <source>1 in 10</source>
        <translation>十分之一</translation>
    </message>
    <message>
        <source>1 in 100</source>
        <translation>百分之一</translation>
    </message>
    <message>
        <source>1 in 1,000</source>
        <translation>千分之一</translation>
    </message>
    <message>
        <source>1 in 10,000</source>
        <translation>万分之一</translation>
    </message>
    <message>
        <source>1 in 100,000</source>
        <translation>十万分之一</translation>
    </message>
    <message>
        <source>1 in 1,000,000</source>
        <translation>百万分之一</translation>
    </message>
    <message>
        <source>more often than 1 in 10</source>
        <translation>高于十分之一</translation>
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
        <translation>%1 · 陌生人达到此分数的概率约为%2</translation>
    </message>
    <message>
        <source>%1 (this profile) · false accepts %2</source>
        <translation>%1（本配置）· 误识率%2</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>%1 · a stranger scores this high %2</source>
        <translation>%1 · 陌生人达到此分数的概率%2</translation>
    </message>
    <message>
        <source>%1 (this profile) · false accepts about %2</source>
        <translation>%1（本配置）· 误识率约为%2</translation>
    </message>
</context>
<context>
    <name>SensitiveLineEdit</name>
    <message>
        <source>Masked after the decision. Type or paste to enter a new value.</source>
        <translation>出结果后已遮盖。直接输入或粘贴即可填写新值。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Your staff ID (teller number), recorded with each customer&apos;s consent and decision</source>
        <translation>您的柜员号，随每位客户的同意情况和处理决定一并记录</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>柜员号</translation>
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
    <message>
        <source>1 other file: %1</source>
        <translation>另有 1 个文件：%1</translation>
    </message>
    <message>
        <source>%1 other files: %2</source>
        <translation>另有 %1 个文件：%2</translation>
    </message>
    <message>
        <source>No capture among the dropped files.</source>
        <translation>拖入的文件中没有采集文件。</translation>
    </message>
    <message>
        <source>No image among the dropped files.</source>
        <translation>拖入的文件中没有图片。</translation>
    </message>
</context>
<context>
    <name>StaffIdDialog</name>
    <message>
        <source>Your staff ID</source>
        <translation>您的柜员号</translation>
    </message>
    <message>
        <source>Your staff ID (teller number) is recorded with each customer&apos;s consent and decision. It is asked once for this computer account; Settings → General changes it.</source>
        <translation>您的柜员号将随每位客户的同意情况和处理决定一并记录。本电脑账户只需输入一次，以后可在“设置 → 常规”中修改。</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>柜员号</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
        <translation>攻击检测</translation>
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
        <source>Attack check</source>
        <translation>攻击检测</translation>
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
        <source>Live person (0.98 or below)</source>
        <translation>真人（0.98 及以下）</translation>
    </message>
    <message>
        <source>Stopped: suspected attack (above 0.98)</source>
        <translation>止于此：疑似攻击（高于 0.98）</translation>
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
    <name>Transport</name>
    <message>
        <source>The server&apos;s name could not be resolved.</source>
        <translation>无法解析服务器地址。</translation>
    </message>
    <message>
        <source>Check the base URL and the network; call IT if other sites also fail.</source>
        <translation>请检查服务地址和网络；若其他网站也打不开，请联系 IT。</translation>
    </message>
    <message>
        <source>The server refused the connection.</source>
        <translation>服务器拒绝连接。</translation>
    </message>
    <message>
        <source>Check the base URL and port, and that the service is up.</source>
        <translation>请检查服务地址和端口，并确认服务正在运行。</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>服务器响应超时。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified.</source>
        <translation>无法验证服务器证书。</translation>
    </message>
    <message>
        <source>Ask IT whether a corporate CA must be added to the profile&apos;s trust settings.</source>
        <translation>请联系 IT，确认是否需要在配置的信任设置中加入企业 CA 证书。</translation>
    </message>
    <message>
        <source>The proxy could not be reached or refused the request.</source>
        <translation>无法连接代理服务器或代理拒绝请求。</translation>
    </message>
    <message>
        <source>Check the profile&apos;s proxy setting with IT.</source>
        <translation>请与 IT 核对配置中的代理设置。</translation>
    </message>
    <message>
        <source>The connection failed.</source>
        <translation>连接失败。</translation>
    </message>
    <message>
        <source>Check the network and try again.</source>
        <translation>请检查网络后重试。</translation>
    </message>
    <message>
        <source>The server took too long to answer the whole call.</source>
        <translation>服务器完成本次调用的时间过长。</translation>
    </message>
    <message>
        <source>Check the network, then try again.</source>
        <translation>请检查网络后重试。</translation>
    </message>
    <message>
        <source>Server name not found</source>
        <translation>域名解析失败</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <source>No answer in time</source>
        <translation>响应超时</translation>
    </message>
    <message>
        <source>Certificate not trusted</source>
        <translation>证书验证失败</translation>
    </message>
    <message>
        <source>Proxy failed</source>
        <translation>代理连接失败</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>连接失败</translation>
    </message>
    <message>
        <source>Call took too long</source>
        <translation>调用超出总时限</translation>
    </message>
    <message>
        <source>The call may have been billed: look it up in History by its sequence id before you retry.</source>
        <translation>本次调用可能已计费：重试前请先在历史记录中按 sequence id 查询。</translation>
    </message>
    <message>
        <source>Nothing was billed: try once more.</source>
        <translation>本次未计费，可以再试一次。</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read</source>
        <translation>无法读取服务器的应答</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be used: {reason}.</source>
        <translation>无法使用服务器的应答：{reason}。</translation>
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
        <source>Photo on file cannot be used</source>
        <translation>库中照片无法比对</translation>
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
        <source>The photo on file could not be read for the comparison. Check the ID card in person.</source>
        <translation>库中照片无法读取，未能比对，请当面核对客户的身份证件。</translation>
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
