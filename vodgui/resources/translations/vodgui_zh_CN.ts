<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../../ui/a11y.py" line="61"/>
        <source>Clear {0}</source>
        <translation>清除{0}</translation>
    </message>
    <message>
        <location filename="../../ui/a11y.py" line="74"/>
        <source>More buttons of {0}</source>
        <translation>{0}的更多按钮</translation>
    </message>
</context>
<context>
    <name>AddUrlDialog</name>
    <message>
        <location filename="../../ui/add_url_dialog.py" line="49"/>
        <source>Add URLs</source>
        <translation>添加 URL</translation>
    </message>
    <message>
        <location filename="../../ui/add_url_dialog.py" line="50"/>
        <source>VOD downloads each file from its web address itself (upload by URL), with profile “{0}”. One http:// or https:// address per line; the address should end in the file name, e.g. https://example.com/videos/clip.mp4.</source>
        <translation>视频点播会按网址自行下载每个文件（URL 拉取上传），使用配置“{0}”。每行一个 http:// 或 https:// 地址；地址应以文件名结尾，例如 https://example.com/videos/clip.mp4。</translation>
    </message>
    <message>
        <location filename="../../ui/add_url_dialog.py" line="54"/>
        <source>URLs, one per line</source>
        <translation>URL，每行一个</translation>
    </message>
    <message>
        <location filename="../../ui/add_url_dialog.py" line="53"/>
        <source>Add to queue</source>
        <translation>加入队列</translation>
    </message>
    <message>
        <location filename="../../ui/add_url_dialog.py" line="81"/>
        <source>Not an http:// or https:// address: {0}</source>
        <translation>不是 http:// 或 https:// 地址：{0}</translation>
    </message>
</context>
<context>
    <name>BatchPanel</name>
    <message>
        <location filename="../../ui/playback_batch.py" line="67"/>
        <source>One or more AuthInfoTimeout values (100–3000 s), e.g. 100, 3000: every video is checked with each</source>
        <extracomment>Runs on a pool thread: the profile&apos;s VOD client and where the player calls.</extracomment>
        <translation>一个或多个 AuthInfoTimeout 值（100–3000 秒），例如 100, 3000：每个视频会用每个值各检查一次</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="69"/>
        <source>AuthInfoTimeout values:</source>
        <translation>AuthInfoTimeout 值：</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="71"/>
        <location filename="../../ui/playback_batch.py" line="203"/>
        <source>Run batch check</source>
        <translation>开始批量检查</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="72"/>
        <source>For every VideoId above: get a PlayAuth, check it as the player would, and list its streams</source>
        <translation>对上方的每个 VideoId：获取播放凭证，模拟播放器检查，并列出其播放流</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="74"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="75"/>
        <source>One row per video and timeout; secrets masked</source>
        <translation>每个视频和有效期各占一行；敏感信息已打码</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="76"/>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="77"/>
        <source>Everything shown here, with streams; secrets masked</source>
        <translation>此处显示的全部内容，包括播放流；敏感信息已打码</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="78"/>
        <source>Include secrets</source>
        <translation>包含敏感信息</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="79"/>
        <source>Write the full PlayAuths and playback URLs into the export. Anyone with the file can play the videos until they expire.</source>
        <translation>将完整的播放凭证和播放地址写入导出文件。在它们过期前，任何拿到该文件的人都能播放这些视频。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="98"/>
        <source>Batch check results</source>
        <translation>批量检查结果</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="100"/>
        <source>VideoId</source>
        <translation>VideoId</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="100"/>
        <source>Timeout</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="100"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="100"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="100"/>
        <source>PlayAuth expires</source>
        <translation>凭证过期时间</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="101"/>
        <source>Check</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="101"/>
        <source>Code</source>
        <translation>错误码</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="101"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="101"/>
        <source>Streams</source>
        <translation>播放流</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="147"/>
        <source>Paste one or more VideoIds above first.</source>
        <translation>请先在上方粘贴一个或多个 VideoId。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="154"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="170"/>
        <source>Exported {0} row(s) to {1}</source>
        <translation>已导出 {0} 行到 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="179"/>
        <source>Checking {0} with AuthInfoTimeout {1} s… ({2} of {3})</source>
        <translation>正在以 AuthInfoTimeout {1} 秒检查 {0}…（第 {2} 项，共 {3} 项）</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="208"/>
        <source>{0} of {1} passed.</source>
        <translation>{1} 项中有 {0} 项通过。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="221"/>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="221"/>
        <source>fail</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="240"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="241"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="246"/>
        <source>Export JSON</source>
        <translation>导出 JSON</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="247"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/playback_batch.py" line="255"/>
        <source>Cannot write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>CatalogMenus</name>
    <message>
        <location filename="../../ui/catalog_menu.py" line="27"/>
        <source>Choose {0} from the account&apos;s list</source>
        <extracomment>Form field -&gt; what the menu lists. The list button&apos;s name, after its field&apos;s (&quot;Choose Category ID from the account&apos;s list&quot;).</extracomment>
        <translation>从账号的列表中选择{0}</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_menu.py" line="49"/>
        <source>Choose from the account&apos;s list ({0})</source>
        <translation>从账号的列表中选择（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_menu.py" line="61"/>
        <source> (default)</source>
        <extracomment>The last menu shown (tests look at it).</extracomment>
        <translation>（默认）</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_menu.py" line="70"/>
        <source>No lists fetched for this profile yet</source>
        <translation>尚未获取此配置的列表</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_menu.py" line="76"/>
        <source>The account has none</source>
        <translation>账号中没有可选项</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_menu.py" line="78"/>
        <source>Refresh lists</source>
        <translation>刷新列表</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_menu.py" line="99"/>
        <source>The lists could not be fetched: {0}</source>
        <translation>无法获取列表：{0}</translation>
    </message>
</context>
<context>
    <name>CatalogPickers</name>
    <message>
        <location filename="../../ui/watch_dialog.py" line="54"/>
        <source>Category of the videos (GetCategories); or type its ID</source>
        <translation>视频的分类（GetCategories）；也可直接输入分类 ID</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="55"/>
        <source>Transcode template group; empty: the account&apos;s default</source>
        <translation>转码模板组；留空：使用账号的默认模板组</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="56"/>
        <source>VOD application; empty: the default application</source>
        <translation>点播应用；留空：使用默认应用</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="57"/>
        <source>Refresh lists</source>
        <translation>刷新列表</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="58"/>
        <source>Fetch categories, template groups and apps from the account again</source>
        <translation>重新从账号获取分类、模板组和应用</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="77"/>
        <source>No lists fetched for this profile yet: press Refresh lists.</source>
        <translation>尚未获取此配置的列表：请点击“刷新列表”。</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="83"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="88"/>
        <source> (default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="147"/>
        <source>Fetching lists from the account…</source>
        <translation>正在从账号获取列表…</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="160"/>
        <source>The lists could not be fetched: {0} You can still type IDs.</source>
        <translation>无法获取列表：{0} 仍可手动输入 ID。</translation>
    </message>
</context>
<context>
    <name>CheckPanel</name>
    <message>
        <location filename="../../ui/playauth_panels.py" line="292"/>
        <source>Player check</source>
        <translation>播放器检查</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="324"/>
        <source>Not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="331"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="336"/>
        <source>✓ Pass: the player would get {0} stream(s)</source>
        <translation>✓ 通过：播放器可获取 {0} 个播放流</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="339"/>
        <source>✗ Fail: {0}</source>
        <translation>✗ 失败：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="344"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="348"/>
        <source>RequestId: {0}</source>
        <translation>RequestId：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="350"/>
        <source>Checked the player&apos;s way: GetPlayInfo signed with the PlayAuth&apos;s own credentials, sending its AuthInfo.</source>
        <translation>已按播放器的方式检查：用播放凭证自带的凭据签名调用 GetPlayInfo，并携带其 AuthInfo。</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="352"/>
        <source>The PlayAuth is not decodable: checked with GetPlayInfo and the profile&apos;s key.</source>
        <translation>播放凭证无法解码：已改用当前配置的密钥调用 GetPlayInfo 检查。</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="353"/>
        <source>There is no PlayAuth, so the player could not even start.</source>
        <translation>没有播放凭证，播放器根本无法开始播放。</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="354"/>
        <source>Checked the VidSts way: GetPlayInfo signed with the profile&apos;s STS token.</source>
        <translation>按 VidSts 方式检查：用配置的 STS 令牌签名调用 GetPlayInfo。</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="355"/>
        <source>Checked the JWTPlayAuth: its signature with the app&apos;s PlayKey, then GetPlayInfo.</source>
        <translation>已检查 JWTPlayAuth：先用应用的 PlayKey 验证签名，再调用 GetPlayInfo。</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="361"/>
        <source>The video&apos;s status is {0}; only Normal videos can be played.</source>
        <translation>视频状态为“{0}”；只有状态为“正常”的视频才能播放。</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="364"/>
        <source>This profile signs with a long-term AccessKey, not an STS token: use an STS-mode profile to test VidSts.</source>
        <translation>此配置用长期 AccessKey 签名，没有 STS 令牌：请用 STS 模式的配置测试 VidSts。</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="367"/>
        <source>The profile is not allowed to call GetPlayInfo. Grant vod:GetPlayInfo to the user or role (or to the STS session policy).</source>
        <translation>当前配置无权调用 GetPlayInfo。请为该用户或角色（或 STS 会话策略）授予 vod:GetPlayInfo 权限。</translation>
    </message>
</context>
<context>
    <name>ConnectionTestPanel</name>
    <message>
        <location filename="../../ui/connection_panel.py" line="30"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="33"/>
        <source>Check the values in this dialog against the service without saving them: the key, the role, the permissions, the network and the clock.</source>
        <translation>用此对话框中的值向服务端检查（不保存）：密钥、角色、权限、网络和时钟。</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="68"/>
        <source>Not tested yet. The test uses the values in this dialog, saved or not.</source>
        <translation>尚未测试。测试使用此对话框中的当前值，无论是否已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="76"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="103"/>
        <source>Connection works: this profile can upload.</source>
        <translation>连接正常：此配置可以上传。</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="105"/>
        <source>It may not read video information (GetVideoInfo), so the History and Playback pages cannot check its videos.</source>
        <translation>但它无权读取视频信息（GetVideoInfo），因此“历史记录”和“播放”页面无法检查其视频。</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="116"/>
        <source>Enter the secret first: nothing is stored in the keychain for this profile yet.</source>
        <translation>请先输入密钥：钥匙串中还没有保存此配置的密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="118"/>
        <source>Wrong AppServer token: the AppServer refused it. Enter the token again.</source>
        <translation>AppServer 令牌错误：AppServer 拒绝了该令牌。请重新输入。</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="120"/>
        <source>This RAM user may not assume the role. Allow it sts:AssumeRole on the role, and make the role&apos;s trust policy trust it.</source>
        <translation>此 RAM 用户无权扮演该角色。请授予其对该角色的 sts:AssumeRole 权限，并在角色的信任策略中信任该用户。</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="123"/>
        <source>Wrong AccessKey ID: the service does not know this key, or it is disabled. Check the ID in the RAM console.</source>
        <translation>AccessKey ID 错误：服务端不认识此密钥，或密钥已被禁用。请在 RAM 控制台核对 ID。</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="125"/>
        <source>Wrong AccessKey secret: the key ID is known, but the signature does not match. Enter the secret again.</source>
        <translation>AccessKey Secret 错误：AccessKey ID 有效，但签名不匹配。请重新输入 Secret。</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="127"/>
        <source>No permission: the key is valid but may not upload to VOD. Allow vod:CreateUploadVideo and vod:RefreshUploadVideo in its RAM policy (and in the session policy, if there is one).</source>
        <translation>没有权限：密钥有效，但无权上传到视频点播。请在其 RAM 策略（以及会话策略，如有）中允许 vod:CreateUploadVideo 和 vod:RefreshUploadVideo。</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="130"/>
        <source>Role not found: no role with this RoleArn exists, or it cannot be assumed. Copy the RoleArn from the RAM console and check the role&apos;s trust policy.</source>
        <translation>角色不存在：没有此 RoleArn 对应的角色，或该角色无法被扮演。请从 RAM 控制台复制 RoleArn，并检查角色的信任策略。</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="132"/>
        <source>Network problem: the service could not be reached. Check the endpoint, the proxy and the network connection.</source>
        <translation>网络问题：无法连接服务端。请检查 Endpoint、代理和网络连接。</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="134"/>
        <source>Clock skew: this computer&apos;s clock is more than 15 minutes off. Correct the date and time, then test again.</source>
        <translation>时钟偏差：本机时钟偏差超过 15 分钟。请校正日期和时间后重新测试。</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="136"/>
        <source>The profile is not complete: {0}</source>
        <translation>配置不完整：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="152"/>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="153"/>
        <source>AccessKey</source>
        <translation>AccessKey</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="154"/>
        <source>AssumeRole</source>
        <translation>AssumeRole</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="155"/>
        <source>AppServer</source>
        <translation>AppServer</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="156"/>
        <source>VOD upload permission</source>
        <translation>点播上传权限</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="157"/>
        <source>VOD access</source>
        <translation>点播访问</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="166"/>
        <source> (RequestId {0})</source>
        <translation>（RequestId {0}）</translation>
    </message>
    <message>
        <location filename="../../ui/connection_panel.py" line="169"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;: {1}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;：{1}</translation>
    </message>
</context>
<context>
    <name>DefaultsDialog</name>
    <message>
        <location filename="../../ui/metadata_editor.py" line="598"/>
        <source>Defaults for new files</source>
        <translation>新文件的默认信息</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="599"/>
        <source>Files you add to the queue with profile “{0}” get these details. Each file&apos;s title is its name; change it in the Details panel.</source>
        <translation>使用配置“{0}”加入队列的文件将使用这些信息。每个文件的标题为其文件名，可在“详情”面板中修改。</translation>
    </message>
</context>
<context>
    <name>DuplicatePrompt</name>
    <message>
        <location filename="../../ui/duplicate_prompt.py" line="32"/>
        <source>Already uploaded</source>
        <translation>已上传过</translation>
    </message>
    <message>
        <location filename="../../ui/duplicate_prompt.py" line="46"/>
        <source>A file with the same size and the same content (CRC64 checksum) was uploaded to this account on {0} as VideoId {1}, from {2}.</source>
        <translation>一个大小和内容（CRC64 校验值）都相同的文件已于 {0} 从 {2} 上传到此账号，VideoId 为 {1}。</translation>
    </message>
    <message>
        <location filename="../../ui/duplicate_prompt.py" line="49"/>
        <source>This file, unchanged since then (same size and modification time), was uploaded to this account on {0} as VideoId {1}.</source>
        <translation>此文件已于 {0} 上传到此账号，VideoId 为 {1}，此后未修改（大小和修改时间均相同）。</translation>
    </message>
    <message>
        <location filename="../../ui/duplicate_prompt.py" line="37"/>
        <source>account {0} ({1})</source>
        <translation>账号 {0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/duplicate_prompt.py" line="39"/>
        <source>{0}, profile “{1}”</source>
        <translation>{0}，配置“{1}”</translation>
    </message>
    <message>
        <location filename="../../ui/duplicate_prompt.py" line="40"/>
        <source>“{0}” was uploaded before to {1}.</source>
        <translation>“{0}”之前已上传到{1}。</translation>
    </message>
    <message>
        <location filename="../../ui/duplicate_prompt.py" line="51"/>
        <source>Uploading it again creates a second video in this account. Uploads to other accounts are not affected.</source>
        <translation>再次上传会在此账号中创建第二个视频。上传到其他账号不受影响。</translation>
    </message>
    <message>
        <location filename="../../ui/duplicate_prompt.py" line="55"/>
        <source>Do the same for the other {0} already uploaded files in this batch</source>
        <translation>对本批中其余 {0} 个已上传过的文件执行相同操作</translation>
    </message>
    <message>
        <location filename="../../ui/duplicate_prompt.py" line="59"/>
        <source>&amp;Skip</source>
        <translation>跳过(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/duplicate_prompt.py" line="60"/>
        <source>Leave this file out of the queue</source>
        <translation>不将此文件加入队列</translation>
    </message>
    <message>
        <location filename="../../ui/duplicate_prompt.py" line="61"/>
        <source>&amp;Upload again</source>
        <translation>重新上传(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/duplicate_prompt.py" line="62"/>
        <source>Queue the file anyway; VOD gets a new video</source>
        <translation>仍将文件加入队列；视频点播中会新增一个视频</translation>
    </message>
</context>
<context>
    <name>ErrorTexts</name>
    <message>
        <location filename="../../ui/errors.py" line="28"/>
        <source>The service could not be reached. Check the network connection, the endpoint and the proxy setting.</source>
        <translation>无法连接服务端。请检查网络连接、Endpoint 和代理设置。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="31"/>
        <source>The service is limiting the request rate. vodgui retried; try again in a minute.</source>
        <translation>服务端正在限制请求频率。vodgui 已重试；请一分钟后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="33"/>
        <source>The service had a temporary failure. vodgui retried; try again later.</source>
        <translation>服务端出现临时故障。vodgui 已重试；请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="35"/>
        <source>The AccessKey ID is unknown or disabled. Check it in the RAM console and edit the profile.</source>
        <translation>AccessKey ID 不存在或已被禁用。请在 RAM 控制台核对，并编辑配置。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="37"/>
        <source>The AccessKey secret (or AppServer token) is wrong: the key ID is known but the signature does not match. Enter the secret again in the profile.</source>
        <translation>AccessKey Secret（或 AppServer 令牌）错误：AccessKey ID 有效，但签名不匹配。请在配置中重新输入。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="40"/>
        <source>The temporary credentials expired and could not be renewed. Test the profile&apos;s connection.</source>
        <translation>临时凭证已过期且无法续期。请测试该配置的连接。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="42"/>
        <source>This computer&apos;s clock is more than 15 minutes off. Correct the date and time, then retry.</source>
        <translation>本机时钟偏差超过 15 分钟。请校正日期和时间后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="44"/>
        <source>The key or role is valid but not allowed to do this. Ask an administrator to grant the VOD permission (for uploads: vod:CreateUploadVideo and vod:RefreshUploadVideo).</source>
        <translation>密钥或角色有效，但无权执行此操作。请联系管理员授予视频点播权限（上传需要 vod:CreateUploadVideo 和 vod:RefreshUploadVideo）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="47"/>
        <source>The role does not exist or this user may not assume it. Check the RoleArn and the role&apos;s trust policy.</source>
        <translation>角色不存在，或此用户无权扮演该角色。请检查 RoleArn 和角色的信任策略。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="50"/>
        <source>The video or upload no longer exists on the service.</source>
        <translation>该视频或上传在服务端已不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="52"/>
        <source>The service refused a value. Check the video&apos;s metadata.</source>
        <translation>服务端拒绝了某个参数值。请检查视频的元数据。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="54"/>
        <source>The video is not in a state that allows this yet.</source>
        <translation>视频当前的状态还不允许此操作。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="56"/>
        <source>There is a problem with the local file.</source>
        <translation>本地文件有问题。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="58"/>
        <source>The data arrived corrupted (CRC64 mismatch). Retry the upload.</source>
        <translation>数据在传输中损坏（CRC64 不一致）。请重试上传。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="60"/>
        <source>The profile settings are not valid.</source>
        <translation>配置无效。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="62"/>
        <source>No usable system keychain: secrets are never stored in a plain file. Unlock or install a keychain (GNOME Keyring, KWallet), or use an AppServer profile.</source>
        <translation>没有可用的系统钥匙串：密钥绝不会保存在普通文件中。请解锁或安装钥匙串（GNOME Keyring、KWallet），或改用 AppServer 配置。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="70"/>
        <source>The file is not there any more. Put it back, or remove the item.</source>
        <translation>文件已不存在。请将其放回原处，或移除该项。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="72"/>
        <source>The file disappeared during the upload. Put it back and retry: finished parts are kept.</source>
        <translation>上传过程中文件不见了。请将其放回后重试：已完成的分片会保留。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="74"/>
        <source>The file cannot be read. Check its permissions.</source>
        <translation>无法读取文件。请检查其权限。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="76"/>
        <source>This is a folder. Add the files inside it instead.</source>
        <translation>这是一个文件夹。请改为添加其中的文件。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="78"/>
        <source>The file is empty (0 bytes); VOD cannot accept it.</source>
        <translation>文件为空（0 字节），视频点播无法接受。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="80"/>
        <source>VOD does not accept this file type as video or audio.</source>
        <translation>视频点播不接受此类型的文件作为视频或音频。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="82"/>
        <source>The file changed while it was being uploaded. Retry to upload the new version from the start.</source>
        <translation>文件在上传过程中被修改。请重试，从头上传新版本。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="88"/>
        <source>The profile&apos;s secret is not in the keychain. Edit the profile and enter it again.</source>
        <translation>钥匙串中没有该配置的密钥。请编辑配置并重新输入。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="92"/>
        <source>The video does not exist (it may have been deleted).</source>
        <translation>视频不存在（可能已被删除）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="94"/>
        <source>The video cannot be played yet: it must be in the Normal status.</source>
        <translation>视频暂时无法播放：状态必须为“正常”。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="96"/>
        <source>The video has no stream matching the chosen format and definition.</source>
        <translation>视频没有符合所选格式和清晰度的播放流。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="98"/>
        <source>The PlayAuth has expired (its AuthInfoTimeout has passed).</source>
        <translation>播放凭证已过期（已超过其 AuthInfoTimeout）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="100"/>
        <source>The AppServer refused the token. Check the token in the profile.</source>
        <translation>AppServer 拒绝了令牌。请检查配置中的令牌。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="102"/>
        <source>Another vodgui window or command is running the upload queue.</source>
        <translation>另一个 vodgui 窗口或命令正在运行上传队列。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="104"/>
        <source>The PlayAuth&apos;s AuthInfo was altered or was not issued for this account. Get a new PlayAuth.</source>
        <translation>播放凭证中的 AuthInfo 被篡改，或不是为此账号签发的。请重新获取播放凭证。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="106"/>
        <source>This PlayAuth was issued for another video.</source>
        <translation>此播放凭证是为另一个视频签发的。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="108"/>
        <source>The AuthInfo sent with the PlayAuth is malformed. Get a new PlayAuth.</source>
        <translation>随播放凭证发送的 AuthInfo 格式错误。请重新获取播放凭证。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="110"/>
        <source>GetPlayInfo was called with a PlayAuth&apos;s credentials but without its AuthInfo.</source>
        <translation>调用 GetPlayInfo 时使用了播放凭证的凭据，但没有携带其 AuthInfo。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="112"/>
        <source>AuthInfoTimeout must be between 100 and 3000 seconds.</source>
        <translation>AuthInfoTimeout 必须在 100 到 3000 秒之间。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="114"/>
        <source>PlayConfig must be a JSON object, e.g. {&quot;PlayDomain&quot;: &quot;vod.example.com&quot;}.</source>
        <translation>PlayConfig 必须是 JSON 对象，例如 {&quot;PlayDomain&quot;: &quot;vod.example.com&quot;}。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="116"/>
        <source>That is not a VideoId. Copy the 32-character id from the upload or the VOD console.</source>
        <translation>这不是 VideoId。请从上传记录或视频点播控制台复制 32 位的 ID。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="118"/>
        <source>VOD takes images in PNG, JPG, JPEG or GIF only. Convert the image and add it again.</source>
        <translation>视频点播只接受 PNG、JPG、JPEG 或 GIF 格式的图片。请转换格式后重新添加。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="120"/>
        <source>VOD does not take this file type for this kind of attached media (subtitles: srt, vtt, ass, stl, ttml; watermarks: png, gif, apng, mov; material: jpg, gif, png, mp4, mat, zip).</source>
        <translation>视频点播不接受该类型文件作为此类辅助媒资（字幕：srt、vtt、ass、stl、ttml；水印：png、gif、apng、mov；素材：jpg、gif、png、mp4、mat、zip）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="123"/>
        <source>The HLS playlist cannot be uploaded as it is: the problems are listed below. Nothing was sent. Fix them and retry.</source>
        <translation>HLS 播放列表无法按原样上传，问题列在下方。尚未发送任何内容。请修正后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="126"/>
        <source>This profile gets upload credentials from an AppServer, which covers videos only. Images, attached media and uploads by URL need a profile in STS mode or with an AccessKey.</source>
        <translation>此配置从 AppServer 获取上传凭证，仅支持视频。图片、辅助媒资和 URL 拉取上传需要 STS 模式或使用 AccessKey 的配置。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="129"/>
        <source>VOD can only fetch http:// or https:// addresses.</source>
        <translation>视频点播只能拉取 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="131"/>
        <source>VOD could not download the file from its address. Check that the URL works from the internet.</source>
        <translation>视频点播无法从该地址下载文件。请确认该 URL 可从公网访问。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="133"/>
        <source>VOD no longer knows this upload by URL. Remove the item and add the address again.</source>
        <translation>视频点播已找不到这个 URL 拉取任务。请移除该项并重新添加地址。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="135"/>
        <source>The upload credentials expired several times before the upload finished. Retry; on a slow connection, raise the bandwidth limit or upload fewer files at once.</source>
        <translation>上传完成前上传凭证已多次过期。请重试；网络较慢时，请提高带宽限制或减少同时上传的文件数。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="138"/>
        <source>This profile gets upload credentials from an AppServer and holds no VOD key, so it cannot ask VOD itself (media status, PlayAuth, play info). Use an AccessKey or STS profile for that.</source>
        <translation>此配置从 AppServer 获取上传凭证，自身没有点播密钥，因此无法直接查询视频点播（媒体状态、播放凭证、播放信息）。请改用 AccessKey 或 STS 配置。</translation>
    </message>
</context>
<context>
    <name>FileIntake</name>
    <message>
        <location filename="../../ui/file_intake.py" line="141"/>
        <source>Choose or create a profile first: new files upload with the current profile.</source>
        <extracomment>What was given but can only fail (0 bytes, not media, unreadable, gone, a folder without media). The batch&apos;s items wait, paused, until Start (the setting, or this batch&apos;s own choice).</extracomment>
        <translation>请先选择或新建配置：新文件将使用当前配置上传。</translation>
    </message>
    <message>
        <location filename="../../ui/file_intake.py" line="145"/>
        <source>Looking for video and audio files…</source>
        <translation>正在查找视频和音频文件…</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../ui/history_model.py" line="60"/>
        <source>Uploading</source>
        <extracomment>The raw VOD status (``&quot;Transcoding&quot;``) or None. Short words for VOD&apos;s media statuses, marked for lupdate and translated in :func:`status_label`.</extracomment>
        <translation>上传中</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="61"/>
        <source>Uploaded</source>
        <translation>上传完成</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="62"/>
        <source>Transcoding</source>
        <translation>转码中</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="63"/>
        <source>In review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="64"/>
        <source>Ready</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="65"/>
        <source>Blocked</source>
        <translation>屏蔽</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="66"/>
        <source>Upload failed</source>
        <translation>上传失败</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="67"/>
        <source>Transcoding failed</source>
        <translation>转码失败</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="68"/>
        <source>Production failed</source>
        <translation>制作失败</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="69"/>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="73"/>
        <source>VOD has not received the whole file yet.</source>
        <translation>视频点播尚未收到完整文件。</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="74"/>
        <source>VOD has the file; transcoding has not started yet.</source>
        <translation>视频点播已收到文件，尚未开始转码。</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="75"/>
        <source>VOD is transcoding the video.</source>
        <translation>视频点播正在转码该视频。</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="76"/>
        <source>The video is being reviewed.</source>
        <translation>视频正在审核中。</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="77"/>
        <source>The video is ready to play.</source>
        <translation>视频可以播放了。</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="78"/>
        <source>The video was blocked (review or an administrator).</source>
        <translation>视频已被屏蔽（审核未通过或被管理员屏蔽）。</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="79"/>
        <source>VOD reports that the upload failed.</source>
        <translation>视频点播报告上传失败。</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="80"/>
        <source>Transcoding failed: check the file and the transcoding template.</source>
        <translation>转码失败：请检查文件和转码模板。</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="82"/>
        <source>Production failed.</source>
        <translation>制作失败。</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="83"/>
        <source>VOD has no video with this VideoId any more: it was deleted.</source>
        <translation>视频点播中已没有此 VideoId 的视频：它已被删除。</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="170"/>
        <source>Title</source>
        <extracomment>Why this row&apos;s status cannot be read right now (&quot;&quot; when it can).</extracomment>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="171"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="172"/>
        <source>VideoId</source>
        <translation>VideoId</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="173"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="174"/>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="175"/>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="176"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="235"/>
        <source>{0}
File: {1}</source>
        <translation>{0}
文件：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="237"/>
        <source>{0} bytes</source>
        <translation>{0} 字节</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="243"/>
        <source>VOD status: {0}</source>
        <translation>点播状态：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="248"/>
        <source>Checked {0}</source>
        <translation>检查于 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="253"/>
        <source>Not checked yet.</source>
        <translation>尚未检查。</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../ui/history_page.py" line="109"/>
        <source>Filter by title, file or VideoId</source>
        <extracomment>History kinds whose details UpdateVideoInfo changes. profile -&gt; why its videos cannot be checked (until &quot;Refresh status&quot;). How many newest entries the queued reload reads (None: all). The last details editor opened (tests drive it). New, unsettled rows not checked yet (read while another read was queued). Every tick of the poll timer (tests wait on it).</extracomment>
        <translation>按标题、文件或 VideoId 筛选</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="111"/>
        <source>Video filter</source>
        <translation>视频筛选</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="114"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="114"/>
        <source>Ready</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="115"/>
        <source>Processing</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="115"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="116"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="118"/>
        <source>Show only videos in this media status</source>
        <translation>只显示处于此媒体状态的视频</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="119"/>
        <source>Media status</source>
        <translation>媒体状态</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="121"/>
        <location filename="../../ui/history_page.py" line="429"/>
        <source>Refresh status</source>
        <translation>刷新状态</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="122"/>
        <source>Ask VOD again for the status of the selected videos (all shown videos when none is selected)</source>
        <translation>重新向视频点播查询所选视频的状态（未选择时查询所有显示的视频）</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="125"/>
        <location filename="../../ui/history_page.py" line="426"/>
        <source>Open in Playback</source>
        <translation>在播放页打开</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="126"/>
        <source>Test playback of the selected videos</source>
        <translation>测试所选视频的播放</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="128"/>
        <location filename="../../ui/history_page.py" line="428"/>
        <source>Edit details…</source>
        <translation>编辑详细信息…</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="129"/>
        <source>Change the title, description, tags, category or cover of the selected videos in VOD (UpdateVideoInfo)</source>
        <translation>在点播中修改所选视频的标题、描述、标签、分类或封面（UpdateVideoInfo）</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="132"/>
        <location filename="../../ui/history_page.py" line="186"/>
        <source>Copy VideoId</source>
        <translation>复制 VideoId</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="133"/>
        <source>Copy the selected VideoIds, one per line (Ctrl+C)</source>
        <translation>复制所选的 VideoId，每行一个 (Ctrl+C)</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="135"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="136"/>
        <source>Save the rows shown as a CSV file (opens in Excel)</source>
        <translation>将显示的行保存为 CSV 文件（可用 Excel 打开）</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="156"/>
        <source>Uploaded videos</source>
        <translation>已上传的视频</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="193"/>
        <source>Finished uploads appear here, with their VideoId and the status VOD reports for them.</source>
        <translation>上传完成的视频会显示在这里，附带其 VideoId 以及视频点播返回的状态。</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="267"/>
        <source>The history could not be read: {0}</source>
        <translation>无法读取历史记录：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="339"/>
        <source>it gets upload credentials from an AppServer and has no VOD access of its own, so vodgui cannot read the status. Check it in the VOD console.</source>
        <translation>它从 AppServer 获取上传凭证，自身没有点播访问权限，因此 vodgui 无法读取状态。请在视频点播控制台中查看。</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="342"/>
        <source>its key or role may upload but not read video information ({0}). Allow vod:GetVideoInfos to see the status here.</source>
        <translation>其密钥或角色可以上传，但无权读取视频信息（{0}）。授予 vod:GetVideoInfos 权限后即可在此查看状态。</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="345"/>
        <source>the last check failed and will be retried: {0}</source>
        <translation>上次检查失败，将会重试：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="349"/>
        <source> (RequestId {0})</source>
        <translation>（RequestId {0}）</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="350"/>
        <source>Profile “{0}”: {1}{2}</source>
        <translation>配置“{0}”：{1}{2}</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="383"/>
        <source>Copied {0} VideoId(s).</source>
        <translation>已复制 {0} 个 VideoId。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/history_page.py" line="413"/>
        <source>Details saved in VOD for %n video(s).</source>
        <translation>
            <numerusform>已在点播中保存 %n 个视频的详细信息。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/history_page.py" line="414"/>
        <source>Not saved for %n (see the dialog).</source>
        <translation>
            <numerusform>%n 个未保存（见对话框）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="447"/>
        <source>Export history</source>
        <translation>导出历史记录</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="448"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="464"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="469"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="470"/>
        <source>The CSV file could not be written: {0}</source>
        <translation>无法写入 CSV 文件：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="498"/>
        <source>{0} videos</source>
        <translation>{0} 个视频</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="499"/>
        <source>{0} of {1} videos shown</source>
        <translation>显示 {0} / {1} 个视频</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="502"/>
        <source>checking status…</source>
        <translation>正在检查状态…</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="504"/>
        <source>{0} still processing; checked every {1} s</source>
        <translation>{0} 个仍在处理中，每 {1} 秒检查一次</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="507"/>
        <source>last check {0}</source>
        <translation>上次检查 {0}</translation>
    </message>
</context>
<context>
    <name>JwtPanel</name>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="146"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="147"/>
        <source>How long the JWTPlayAuth stays valid (the official toolkit uses 24 h)</source>
        <translation>JWTPlayAuth 的有效期（官方工具默认 24 小时）</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="150"/>
        <source>playContentInfo.formats: what the player may ask GetPlayInfo for</source>
        <translation>playContentInfo.formats：播放器可向 GetPlayInfo 请求的格式</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="151"/>
        <source>Make JWTPlayAuth</source>
        <translation>生成 JWTPlayAuth</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="152"/>
        <source>Sign a JWT with the app&apos;s PlayKey (GetAppPlayKey), as your app server would</source>
        <translation>像您的应用服务端那样，用应用的 PlayKey（GetAppPlayKey）签发 JWT</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="154"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="155"/>
        <source>Verify the JWT as VOD does (PlayKey signature, expiry, claims) and get the streams its playContentInfo asks for</source>
        <translation>像点播服务那样校验 JWT（PlayKey 签名、过期时间、声明），并获取其 playContentInfo 请求的流</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="159"/>
        <source>Make one, or paste any PlayAuth (JWT or legacy) to inspect it</source>
        <translation>生成一个，或粘贴任意播放凭证（JWT 或旧格式）进行查看</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="160"/>
        <source>PlayAuth to inspect</source>
        <translation>要检查的 PlayAuth</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="162"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="164"/>
        <source>Show the PlayAuth in clear text</source>
        <translation>以明文显示 PlayAuth</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="166"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="167"/>
        <source>Copy the PlayAuth to the clipboard</source>
        <translation>将 PlayAuth 复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="168"/>
        <source>Inspect</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="169"/>
        <source>Decode the pasted PlayAuth; a JWT is verified with the PlayKey</source>
        <translation>解码粘贴的播放凭证；JWT 会用 PlayKey 校验</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="176"/>
        <source>JWT claims</source>
        <translation>JWT 声明</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="176"/>
        <source>Each claim of the PlayAuth and its value</source>
        <translation>PlayAuth 的每个声明及其值</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="178"/>
        <source>Claim</source>
        <translation>声明</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="178"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="182"/>
        <source>Valid for:</source>
        <translation>有效期：</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="184"/>
        <source>Formats:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="217"/>
        <source>Getting the PlayKey and signing…</source>
        <translation>正在获取 PlayKey 并签名…</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="247"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="279"/>
        <source>Signed with the app&apos;s PlayKey.</source>
        <translation>已用应用的 PlayKey 签名。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/playback_lab_tabs.py" line="291"/>
        <source>✓ Pass: VOD accepts this JWT; GetPlayInfo gives %n stream(s).</source>
        <translation>
            <numerusform>✓ 通过：点播接受此 JWT；GetPlayInfo 返回 %n 路流。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="296"/>
        <source>✗ Fail: {0}</source>
        <translation>✗ 失败：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="311"/>
        <source>Header</source>
        <translation>头部</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="314"/>
        <source>Claims</source>
        <translation>声明</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="322"/>
        <source>Signature, expiry and claims are fine (verified with the PlayKey).</source>
        <translation>签名、过期时间和声明均正确（已用 PlayKey 校验）。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="332"/>
        <source>Neither a JWT nor a legacy base64-JSON PlayAuth.</source>
        <translation>既不是 JWT，也不是旧版 base64-JSON 播放凭证。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="335"/>
        <source>Legacy PlayAuth</source>
        <translation>旧版播放凭证</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="339"/>
        <source>A legacy PlayAuth from GetVideoPlayAuth (temporary credentials + AuthInfo).</source>
        <translation>来自 GetVideoPlayAuth 的旧版播放凭证（临时凭证 + AuthInfo）。</translation>
    </message>
</context>
<context>
    <name>KeyboardMap</name>
    <message>
        <location filename="../../ui/keyboard.py" line="77"/>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="204"/>
        <source>More menus</source>
        <extracomment>page index -&gt; its menu (shown in the menu bar while that page shows). The menus in the order the shortcuts dialog lists them: (title, actions).</extracomment>
        <translation>更多菜单</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="211"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="219"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="221"/>
        <source>Language, resuming after a restart, notifications</source>
        <translation>语言、重启后继续上传、通知</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="223"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="225"/>
        <source>Quit vodgui (running uploads are paused)</source>
        <translation>退出 vodgui（正在进行的上传会暂停）</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="226"/>
        <source>Everywhere</source>
        <translation>所有页面</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="234"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="237"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="238"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="239"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="250"/>
        <source>Choose &amp;profile</source>
        <translation>选择配置(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="251"/>
        <source>Move to the profile list (Up and Down choose)</source>
        <translation>转到配置列表（上下方向键选择）</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="252"/>
        <source>&amp;Edit profile…</source>
        <translation>编辑配置(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="253"/>
        <source>&amp;New profile…</source>
        <translation>新建配置(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="283"/>
        <source>&amp;Details of the selection</source>
        <translation>所选项的详情(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="284"/>
        <source>Edit the title, tags and other metadata of the selected items (Enter in the queue does the same)</source>
        <translation>编辑所选项的标题、标签等元数据（在队列中按 Enter 也可以）</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="286"/>
        <source>&amp;Transfer settings</source>
        <translation>传输设置(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="287"/>
        <source>Parallel uploads, part size, retries and the bandwidth limit</source>
        <translation>并行上传、分片大小、重试次数和带宽限制</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="288"/>
        <source>Defaults for &amp;new files…</source>
        <translation>新文件的默认信息(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="289"/>
        <source>&amp;Queue list</source>
        <translation>队列列表(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="290"/>
        <source>Move to the queue (Space pauses or resumes, Delete removes)</source>
        <translation>转到队列（空格键暂停或继续，Delete 键移除）</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="291"/>
        <source>&amp;Queue</source>
        <translation>队列(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="298"/>
        <source>Hi&amp;story</source>
        <translation>历史记录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="299"/>
        <source>&amp;Filter</source>
        <translation>筛选(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="300"/>
        <source>Move to the filter field</source>
        <translation>转到筛选框</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="301"/>
        <source>&amp;Refresh status</source>
        <translation>刷新状态(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="302"/>
        <source>Open in &amp;Playback</source>
        <translation>在播放页打开(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="304"/>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="311"/>
        <source>Play or &amp;pause the preview</source>
        <translation>播放或暂停预览(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="315"/>
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="316"/>
        <source>&amp;VideoIds</source>
        <translation>VideoId 列表(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="317"/>
        <source>Move to the VideoIds field</source>
        <translation>转到 VideoId 输入框</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="318"/>
        <source>&amp;Get PlayAuth</source>
        <translation>获取播放凭证(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="319"/>
        <source>&amp;Check as the player would</source>
        <translation>模拟播放器检查(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="321"/>
        <source>Get play &amp;info</source>
        <translation>获取播放信息(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="322"/>
        <source>Pre&amp;view the selected stream</source>
        <translation>预览所选的流(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="324"/>
        <source>Copy stream &amp;URL</source>
        <translation>复制流地址(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="326"/>
        <source>Run &amp;batch check</source>
        <translation>开始批量检查(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="327"/>
        <source>&amp;Export batch CSV…</source>
        <translation>导出批量检查 CSV(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="329"/>
        <source>Export batch &amp;JSON…</source>
        <translation>导出批量检查 JSON(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="335"/>
        <source>&amp;Log</source>
        <translation>日志(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="336"/>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="337"/>
        <source>Move to the search field</source>
        <translation>转到搜索框</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="338"/>
        <source>Log &amp;text</source>
        <translation>日志内容(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="339"/>
        <source>Move to the log text (arrows and Page Up/Down scroll, Ctrl+End jumps to the latest line)</source>
        <translation>转到日志内容（方向键和 Page Up/Down 滚动，Ctrl+End 跳到最新一行）</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="341"/>
        <source>&amp;Open log folder</source>
        <translation>打开日志文件夹(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="342"/>
        <source>&amp;Export diagnostics…</source>
        <translation>导出诊断信息(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="348"/>
        <source>&amp;Remove folder</source>
        <translation>移除文件夹(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="356"/>
        <source>&amp;Watch</source>
        <translation>监控文件夹(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="357"/>
        <source>&amp;Add folder…</source>
        <translation>添加文件夹(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="358"/>
        <source>&amp;Edit folder…</source>
        <translation>编辑文件夹(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="359"/>
        <source>&amp;Pause or resume watching</source>
        <translation>暂停或继续监控(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="389"/>
        <source>Next or previous control</source>
        <translation>下一个或上一个控件</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="389"/>
        <source>Tab, Shift+Tab</source>
        <translation>Tab、Shift+Tab</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="390"/>
        <source>Next or previous tab of a tabbed panel</source>
        <translation>选项卡面板的下一个或上一个选项卡</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="390"/>
        <source>Ctrl+Tab, Ctrl+Shift+Tab</source>
        <translation>Ctrl+Tab、Ctrl+Shift+Tab</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="391"/>
        <source>The menu bar</source>
        <translation>菜单栏</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="391"/>
        <source>Alt, or Alt with the underlined letter</source>
        <translation>Alt，或 Alt 加带下划线的字母</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="392"/>
        <source>Details of the selected queue item; open the selected History row in Playback; edit the selected watched folder; preview the selected stream</source>
        <translation>所选队列项的详情；在播放页打开所选的历史记录；编辑所选的监控文件夹；预览所选的流</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="395"/>
        <source>What can be done with the selection (context menu)</source>
        <translation>对所选项可做的操作（右键菜单）</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="395"/>
        <source>Menu key, Shift+F10</source>
        <translation>菜单键、Shift+F10</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="396"/>
        <source>Choose from the account&apos;s list in the Category, Template group and App ID fields</source>
        <translation>在分类、模板组和应用 ID 字段中从账号的列表选择</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="398"/>
        <source>Close a dialog without saving</source>
        <translation>关闭对话框而不保存</translation>
    </message>
</context>
<context>
    <name>KindTexts</name>
    <message>
        <location filename="../../ui/kind_texts.py" line="19"/>
        <source>Video or audio</source>
        <translation>视频或音频</translation>
    </message>
    <message>
        <location filename="../../ui/kind_texts.py" line="20"/>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../ui/kind_texts.py" line="21"/>
        <source>Cover image</source>
        <translation>封面图片</translation>
    </message>
    <message>
        <location filename="../../ui/kind_texts.py" line="22"/>
        <source>Attached media</source>
        <translation>辅助媒资</translation>
    </message>
    <message>
        <location filename="../../ui/kind_texts.py" line="23"/>
        <source>Subtitles</source>
        <translation>字幕</translation>
    </message>
    <message>
        <location filename="../../ui/kind_texts.py" line="24"/>
        <source>Watermark</source>
        <translation>水印</translation>
    </message>
    <message>
        <location filename="../../ui/kind_texts.py" line="25"/>
        <source>Material</source>
        <translation>素材</translation>
    </message>
    <message>
        <location filename="../../ui/kind_texts.py" line="26"/>
        <source>HLS package</source>
        <translation>HLS 包</translation>
    </message>
    <message>
        <location filename="../../ui/kind_texts.py" line="27"/>
        <source>Upload by URL</source>
        <translation>URL 拉取上传</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kind_texts.py" line="31"/>
        <source>HLS package: the playlist and %n segment(s)</source>
        <translation>
            <numerusform>HLS 包：播放列表和 %n 个分片</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/kind_texts.py" line="34"/>
        <source>VOD fetches this file itself: its progress is not known until it is done.</source>
        <translation>视频点播自行拉取此文件：完成前无法得知进度。</translation>
    </message>
</context>
<context>
    <name>LabTexts</name>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="59"/>
        <source>Valid: the CDN serves it for {0} more seconds.</source>
        <translation>有效：CDN 还会提供 {0} 秒。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="60"/>
        <source>Expired {0} s ago: sign it again, or ask GetPlayInfo for a new URL with a longer AuthTimeout.</source>
        <translation>已于 {0} 秒前过期：请重新签名，或用更长的 AuthTimeout 调用 GetPlayInfo 获取新地址。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="62"/>
        <source>The URL carries no signature (no auth_key, no type B/C path): sign it first.</source>
        <translation>此地址没有签名（无 auth_key，也无 B/C 方式路径）：请先签名。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="64"/>
        <source>The {0} part of the signature is malformed: the URL was cut or edited.</source>
        <translation>签名的 {0} 部分格式错误：地址被截断或修改。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="66"/>
        <source>The signature does not match: the key is wrong, or the path, timestamp, rand or uid was changed after signing.</source>
        <translation>签名不匹配：密钥错误，或签名后路径、时间戳、rand、uid 被改动。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="68"/>
        <source>The signature does not match this key, though nothing in the URL changed: it was signed with another key (primary or backup key?).</source>
        <translation>地址未被改动，但签名与此密钥不符：它是用另一个密钥签的（主密钥还是备密钥？）。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="70"/>
        <source>The path changed after signing ({0} → {1}): a signature covers the exact path, URL encoding included.</source>
        <translation>签名后路径被改动（{0} → {1}）：签名覆盖完整路径，包括 URL 编码。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="73"/>
        <source>{0} changed after signing: the signature covers them.</source>
        <translation>签名后 {0} 被改动：这些字段都在签名范围内。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="75"/>
        <source>This is a type {0} URL but the domain uses type {1}: sign it with type {1}.</source>
        <translation>这是 {0} 方式的地址，但域名使用 {1} 方式：请用 {1} 方式签名。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="77"/>
        <source>Unknown authentication type: use A, B or C.</source>
        <translation>未知的鉴权方式：请用 A、B 或 C。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="78"/>
        <source>The key must be 1 to 128 printable characters without spaces (the CDN console&apos;s private key).</source>
        <translation>密钥须为 1 到 128 个不含空格的可打印字符（CDN 控制台中的鉴权密钥）。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="80"/>
        <source>The URL has no path to sign (e.g. http://host/video.mp4).</source>
        <translation>地址没有可签名的路径（例如 http://host/video.mp4）。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="81"/>
        <source>uid and rand must not contain &apos;-&apos; (it separates the auth_key fields).</source>
        <translation>uid 和 rand 不能包含“-”（它用于分隔 auth_key 字段）。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="87"/>
        <source>Not a well-formed JWT: it was cut or edited.</source>
        <translation>不是格式正确的 JWT：已被截断或修改。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="88"/>
        <source>Signed with {0}, but VOD expects HS256.</source>
        <translation>使用 {0} 签名，但点播要求 HS256。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="89"/>
        <source>Claims missing: {0}.</source>
        <translation>缺少声明：{0}。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="90"/>
        <source>The signature does not match the app&apos;s PlayKey: signed with another key, or the PlayKey was changed (SetAppPlayKey) since.</source>
        <translation>签名与应用的 PlayKey 不符：用了其他密钥签名，或之后 PlayKey 已被修改（SetAppPlayKey）。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="92"/>
        <source>Expired {0} s ago: the app server must sign a new one.</source>
        <translation>已于 {0} 秒前过期：应用服务端需要重新签发。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="94"/>
        <source>{0} looks like seconds: JWTPlayAuth times are in milliseconds.</source>
        <translation>{0} 看起来是秒：JWTPlayAuth 的时间单位是毫秒。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="96"/>
        <source>Issued {0} s in the future: the app server&apos;s clock is ahead.</source>
        <translation>签发时间在 {0} 秒之后：应用服务端的时钟偏快。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="98"/>
        <source>Made for video {0}, not {1}.</source>
        <translation>为视频 {0} 签发，而不是 {1}。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="99"/>
        <source>Made for region {0}, but the video is in {1}.</source>
        <translation>为地域 {0} 签发，但视频在 {1}。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="101"/>
        <source>Made for application {0}, not {1}.</source>
        <translation>为应用 {0} 签发，而不是 {1}。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="102"/>
        <source>This profile signs with a long-term AccessKey, not an STS token: use an STS-mode profile to test VidSts.</source>
        <translation>此配置用长期 AccessKey 签名，没有 STS 令牌：请用 STS 模式的配置测试 VidSts。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="109"/>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="112"/>
        <source>No stream matches Formats={0} Definition={1} StreamType={2}: the template group made no such rendition (or it is not finished).</source>
        <translation>没有流符合 Formats={0} Definition={1} StreamType={2}：转码模板组没有生成这样的流（或尚未完成）。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="115"/>
        <source>The video is {0} (AuditStatus {1}): only Normal videos play. Wait for transcoding, or upload again if it failed.</source>
        <translation>视频状态为 {0}（审核状态 {1}）：只有“正常”的视频能播放。请等待转码完成；若失败请重新上传。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="118"/>
        <source>Only privately encrypted streams match: they play in the ApsaraVideo Player only. Ask with ResultType=Multiple to list them.</source>
        <translation>只有私有加密的流符合条件：它们只能在阿里云播放器中播放。用 ResultType=Multiple 才会列出。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="120"/>
        <source>No such video (deleted, or in another account or region).</source>
        <translation>没有此视频（已删除，或属于其他账号或地域）。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="121"/>
        <source>The service refused the request ({0}).</source>
        <translation>服务拒绝了请求（{0}）。</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <location filename="../../ui/log_page.py" line="154"/>
        <source>This session (live)</source>
        <extracomment>Lines kept for re-filtering (the buffer keeps as many). Where the level name starts in a formatted line (&quot;12:34:56.789 &quot;). The registered secrets ``text`` was redacted against (None: not formatted yet).</extracomment>
        <translation>本次会话（实时）</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="155"/>
        <source>Earlier sessions come from the log files: after a crash, the session that crashed is here</source>
        <translation>之前的会话来自日志文件：程序崩溃后，崩溃的那次会话可在此查看</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="157"/>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="162"/>
        <source>Debug and above</source>
        <translation>调试及以上</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="163"/>
        <source>Info and above</source>
        <translation>信息及以上</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="164"/>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="165"/>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="168"/>
        <source>Lowest level shown (DEBUG lines appear only if debug logging is on)</source>
        <translation>显示的最低级别（仅在开启调试日志时才会有 DEBUG 行）</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="170"/>
        <source>Lowest level</source>
        <translation>最低级别</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="172"/>
        <source>Search the log (RequestId, VideoId, file name…)</source>
        <translation>搜索日志（RequestId、VideoId、文件名…）</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="174"/>
        <source>Log search</source>
        <translation>日志搜索</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="176"/>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="177"/>
        <source>Show vodgui.log and its older copies in the file manager</source>
        <translation>在文件管理器中显示 vodgui.log 及其旧副本</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="179"/>
        <source>Export diagnostics…</source>
        <translation>导出诊断信息…</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="180"/>
        <source>Save a zip for support: logs, settings, versions, failed requests. Secrets are removed.</source>
        <translation>保存一个 zip 文件供技术支持使用：包含日志、设置、版本和失败的请求。敏感信息已移除。</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="198"/>
        <source>Nothing logged yet.</source>
        <translation>暂无日志。</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="199"/>
        <source>Log lines</source>
        <translation>日志行</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="204"/>
        <source>Jump to latest</source>
        <translation>跳到最新</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="250"/>
        <source>Session of {0} ({1} lines)</source>
        <translation>{0} 的会话（{1} 行）</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="251"/>
        <source>Older lines ({0})</source>
        <translation>更早的日志（{0} 行）</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="269"/>
        <source>{0} of {1} lines shown · session of {2}, from the log files</source>
        <translation>显示 {1} 行中的 {0} 行 · {2} 的会话，来自日志文件</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="350"/>
        <source>{0} of {1} lines shown · {2}</source>
        <translation>显示 {0} / {1} 行 · {2}</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="351"/>
        <source>no log file</source>
        <translation>无日志文件</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="365"/>
        <source>Export diagnostics</source>
        <translation>导出诊断信息</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="366"/>
        <source>Zip archives (*.zip)</source>
        <translation>Zip 压缩包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="376"/>
        <source>Writing diagnostics…</source>
        <translation>正在写入诊断信息…</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="382"/>
        <source>Diagnostics saved to {0}</source>
        <translation>诊断信息已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="390"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../ui/log_page.py" line="391"/>
        <source>The diagnostics could not be written: {0}</source>
        <translation>无法写入诊断信息：{0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="145"/>
        <source>Pages (Ctrl+1 to Ctrl+5)</source>
        <extracomment>What the last notification shown is about (a tray message is clicked only while it is the last one).</extracomment>
        <translation>页面（Ctrl+1 至 Ctrl+5）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154"/>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154"/>
        <source>Playback</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154"/>
        <source>Watch</source>
        <translation>监控文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189"/>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <source>Profile:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201"/>
        <source>The account uploads and playback checks use. Switch at any time; running uploads keep their own profile.</source>
        <translation>上传和播放检查所用的账号。可随时切换；正在进行的上传仍使用原来的配置。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="209"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210"/>
        <source>Edit the current profile, test its connection</source>
        <translation>编辑当前配置，测试其连接</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213"/>
        <source>New profile…</source>
        <translation>新建配置…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="214"/>
        <source>Add an account: AccessKey in the keychain, or your team&apos;s AppServer</source>
        <translation>添加账号：AccessKey 保存在钥匙串中，或使用团队的 AppServer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>Language, resuming after a restart, notifications</source>
        <translation>语言、重启后继续上传、通知</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>{0} — offline, nothing leaves this computer</source>
        <translation>{0} — 离线，任何内容都不会离开本机</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="240"/>
        <source>The built-in sandbox: a VOD, STS and OSS on this computer for trying vodgui out. Nothing is uploaded to Alibaba Cloud.</source>
        <translation>内置沙箱：在本机运行的点播、STS 和 OSS，用来试用 vodgui。不会上传任何内容到阿里云。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="262"/>
        <source>offline sandbox</source>
        <translation>离线沙箱</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="321"/>
        <source>%n uploading</source>
        <translation>
            <numerusform>%n 个上传中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="323"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 个等待中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="325"/>
        <source>%n item(s) left to upload</source>
        <translation>
            <numerusform>还剩 %n 项待上传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="329"/>
        <source>%n item(s) in the queue</source>
        <translation>
            <numerusform>队列中有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="328"/>
        <source>Loading the queue…</source>
        <translation>正在载入队列…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="351"/>
        <source>%n file(s) of this batch failed.</source>
        <translation>
            <numerusform>本批中有 %n 个文件失败。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="353"/>
        <location filename="../../ui/main_window.py" line="355"/>
        <source>%n file(s) uploaded.</source>
        <translation>
            <numerusform>已上传 %n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="363"/>
        <source>A video failed after its upload</source>
        <translation>有视频在上传后失败</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="364"/>
        <source>“{0}” will not play. {1}</source>
        <translation>“{0}”无法播放。{1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="367"/>
        <source>%n video(s) failed after their upload</source>
        <translation>
            <numerusform>%n 个视频在上传后失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="368"/>
        <source>%n video(s) will not play: {0}</source>
        <translation>
            <numerusform>%n 个视频无法播放：{0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="415"/>
        <source>%n upload(s) running. Pause them and quit? They continue where they stopped the next time you open vodgui.</source>
        <translation>
            <numerusform>有 %n 个上传正在进行。暂停并退出吗？下次打开 vodgui 时会从中断处继续。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="260"/>
        <source>Upload credential</source>
        <translation>上传凭证</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="260"/>
        <source>STS</source>
        <translation>STS</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>AppServer</source>
        <translation>AppServer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>AccessKey</source>
        <translation>AccessKey</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="350"/>
        <source>Uploads finished with errors</source>
        <translation>上传已结束，但有错误</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355"/>
        <source>Uploads finished</source>
        <translation>上传已完成</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="383"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="414"/>
        <source>Uploads are running</source>
        <translation>正在上传</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="417"/>
        <source>Pause and quit</source>
        <translation>暂停并退出</translation>
    </message>
</context>
<context>
    <name>MatrixPanel</name>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="511"/>
        <source>Run the matrix</source>
        <extracomment>The values of each filter the matrix tries (GetPlayInfo&apos;s parameter names; &quot;&quot; = not sent).</extracomment>
        <translation>运行矩阵</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="512"/>
        <source>Call GetPlayInfo once per combination with the profile&apos;s key</source>
        <translation>用配置的密钥对每种组合调用一次 GetPlayInfo</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="514"/>
        <source>All answers</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="514"/>
        <source>Streams only</source>
        <translation>只看有流的</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="514"/>
        <source>Refusals only</source>
        <translation>只看被拒绝的</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="515"/>
        <source>Answers shown</source>
        <translation>显示的应答</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="520"/>
        <source>GetPlayInfo answers per combination</source>
        <translation>每种组合的 GetPlayInfo 应答</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="521"/>
        <source>Formats</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="521"/>
        <source>Definition</source>
        <translation>清晰度</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="521"/>
        <source>StreamType</source>
        <translation>流类型</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="522"/>
        <source>OutputType</source>
        <translation>输出类型</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="522"/>
        <source>ResultType</source>
        <translation>结果类型</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="522"/>
        <source>Answer</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="523"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="547"/>
        <source>Asking GetPlayInfo {0} times…</source>
        <translation>正在调用 GetPlayInfo {0} 次…</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="565"/>
        <source>{0} combinations: {1} with streams, {2} refused.</source>
        <translation>{0} 种组合：{1} 种有流，{2} 种被拒绝。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="578"/>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
</context>
<context>
    <name>MediaPrompts</name>
    <message>
        <location filename="../../ui/media_prompts.py" line="25"/>
        <source>Subtitles found</source>
        <translation>发现字幕</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/media_prompts.py" line="26"/>
        <source>%n subtitle file(s) lie next to the videos you added: {0}. Upload them too, as subtitle media?</source>
        <translation>
            <numerusform>你添加的视频旁边有 %n 个字幕文件：{0}。是否一并作为字幕上传？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/media_prompts.py" line="28"/>
        <source>Upload subtitles</source>
        <translation>上传字幕</translation>
    </message>
    <message>
        <location filename="../../ui/media_prompts.py" line="28"/>
        <source>Only the videos</source>
        <translation>仅上传视频</translation>
    </message>
    <message>
        <location filename="../../ui/media_prompts.py" line="33"/>
        <source>Choose a cover image</source>
        <translation>选择封面图片</translation>
    </message>
    <message>
        <location filename="../../ui/media_prompts.py" line="34"/>
        <source>Images ({0})</source>
        <translation>图片（{0}）</translation>
    </message>
</context>
<context>
    <name>MediaStatus</name>
    <message>
        <location filename="../../ui/texts.py" line="15"/>
        <source>Uploading</source>
        <extracomment>VOD&apos;s media statuses, marked for lupdate; translated at display time by :func:`media_status_text`.</extracomment>
        <translation>上传中</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="16"/>
        <source>UploadSucc</source>
        <translation>上传完成</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="17"/>
        <source>Transcoding</source>
        <translation>转码中</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="18"/>
        <source>Checking</source>
        <translation>审核中</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="19"/>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="20"/>
        <source>Blocked</source>
        <translation>屏蔽</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="21"/>
        <source>UploadFail</source>
        <translation>上传失败</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="22"/>
        <source>TranscodeFail</source>
        <translation>转码失败</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="23"/>
        <source>ProduceFail</source>
        <translation>制作失败</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="24"/>
        <source>NotFound</source>
        <translation>不存在</translation>
    </message>
</context>
<context>
    <name>MessageTexts</name>
    <message>
        <location filename="../../ui/message_texts.py" line="27"/>
        <source>A profile name is 1-64 characters, without &apos;:&apos;, &apos;/&apos;, &apos;\&apos; or leading/trailing spaces.</source>
        <translation>配置名称为 1-64 个字符，不能包含 &apos;:&apos;、&apos;/&apos;、&apos;\&apos;，首尾不能有空格。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="28"/>
        <source>Mode must be one of {allowed}.</source>
        <translation>模式必须是以下之一：{allowed}。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="29"/>
        <source>Source must be one of {allowed}.</source>
        <translation>凭证来源必须是以下之一：{allowed}。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="30"/>
        <source>{region} is not a region id like cn-shanghai.</source>
        <translation>{region} 不是有效的地域 ID（例如 cn-shanghai）。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="31"/>
        <source>Enter the AccessKey ID.</source>
        <translation>请输入 AccessKey ID。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="36"/>
        <source>DurationSeconds must be between {low} and {high} seconds; {value} is out of range.</source>
        <translation>DurationSeconds 必须在 {low} 到 {high} 秒之间；{value} 超出范围。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="38"/>
        <source>RoleArn {role_arn} is not of the form acs:ram::&lt;account id&gt;:role/&lt;role name&gt;. Copy it from the RAM console.</source>
        <translation>RoleArn {role_arn} 的格式应为 acs:ram::&lt;账号 ID&gt;:role/&lt;角色名称&gt;。请从 RAM 控制台复制。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="41"/>
        <source>RoleSessionName must be 2-64 characters: letters, digits, &apos;.&apos;, &apos;@&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>RoleSessionName 必须为 2-64 个字符：字母、数字、&apos;.&apos;、&apos;@&apos;、&apos;_&apos; 或 &apos;-&apos;。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="45"/>
        <source>Part size must be between {low_kib} KiB and 5 GiB (or 0 for automatic); got {value} bytes.</source>
        <translation>分片大小必须在 {low_kib} KiB 到 5 GiB 之间（0 表示自动）；当前为 {value} 字节。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="46"/>
        <source>Parallel parts must be between {low} and {high}.</source>
        <translation>并行分片数必须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="47"/>
        <source>Concurrent files must be between {low} and {high}.</source>
        <translation>同时上传的文件数必须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="48"/>
        <source>Retries must be between {low} and {high}.</source>
        <translation>重试次数必须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="49"/>
        <source>Retry delays cannot be negative.</source>
        <translation>重试间隔不能为负数。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="50"/>
        <source>The bandwidth limit cannot be negative.</source>
        <translation>带宽限制不能为负数。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="51"/>
        <source>Maximum connections must be between {low} and {high}.</source>
        <translation>最大连接数必须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="52"/>
        <source>{value} is not a bandwidth schedule step. Write a rate (4M, 512k, off) or time,rate steps such as &quot;08:00,4M 18:00,off&quot;.</source>
        <translation>{value} 不是有效的带宽时间表条目。请填写速率（4M、512k、off）或“时间,速率”条目，例如 &quot;08:00,4M 18:00,off&quot;。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="54"/>
        <source>{path} is not valid JSON ({reason}). Fix or remove it.</source>
        <translation>{path} 不是有效的 JSON（{reason}）。请修正或删除该文件。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="56"/>
        <source>There is no profile named {name} (profiles: {known}). Create it with &apos;vodgui profiles add&apos;.</source>
        <translation>没有名为 {name} 的配置（现有配置：{known}）。请用 &apos;vodgui profiles add&apos; 创建。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="58"/>
        <source>There is no profile named {name}: there are no profiles yet. Create one with &apos;vodgui profiles add&apos;.</source>
        <translation>没有名为 {name} 的配置：目前还没有任何配置。请用 &apos;vodgui profiles add&apos; 创建。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="59"/>
        <source>A profile named {name} already exists.</source>
        <translation>已存在名为 {name} 的配置。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="61"/>
        <source>The {secret} of profile {profile} is not in the keychain. Edit the profile and enter it again.</source>
        <translation>钥匙串中没有配置 {profile} 的 {secret}。请编辑配置并重新输入。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="63"/>
        <source>This is the built-in sandbox profile, but the sandbox is not running in this program. Use the desktop app, or create a profile from &apos;vodgui sandbox&apos; output with &apos;vodgui profiles add --from-sandbox&apos;.</source>
        <translation>这是内置沙箱配置，但本程序中没有运行沙箱。请使用桌面应用，或根据 &apos;vodgui sandbox&apos; 的输出，用 &apos;vodgui profiles add --from-sandbox&apos; 创建配置。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="66"/>
        <source>AccessKey secret</source>
        <translation>AccessKey Secret</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="67"/>
        <source>AppServer token</source>
        <translation>AppServer 令牌</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="68"/>
        <source>proxy password</source>
        <translation>代理密码</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="70"/>
        <source>Cannot store secrets: {reason}. vodgui keeps AccessKey secrets and tokens only in the system keychain (GNOME Keyring / KWallet on Linux, Keychain on macOS, Credential Manager on Windows) and never in a plain file. Start or unlock your keychain, or use an AppServer profile.</source>
        <translation>无法保存密钥：{reason}。vodgui 只把 AccessKey Secret 和令牌保存在系统钥匙串中（Linux 上的 GNOME Keyring / KWallet、macOS 上的钥匙串、Windows 上的凭据管理器），绝不保存在普通文件中。请启动或解锁钥匙串，或改用 AppServer 配置。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="73"/>
        <source>no keychain is available</source>
        <translation>没有可用的钥匙串</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="74"/>
        <source>the keychain is disabled</source>
        <translation>钥匙串已被禁用</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="75"/>
        <source>the only keyring backend stores secrets in a plain file (keyrings.alt)</source>
        <translation>唯一可用的 keyring 后端会把密钥存在普通文件中（keyrings.alt）</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="76"/>
        <source>the keychain refused to store it ({error})</source>
        <translation>钥匙串拒绝保存（{error}）</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="77"/>
        <source>the keychain could not be read ({error})</source>
        <translation>无法读取钥匙串（{error}）</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="79"/>
        <source>Another vodgui process ({holder}) is running the upload queue in this home. Finish or quit it first, or use another VODGUI_HOME.</source>
        <translation>另一个 vodgui 进程（{holder}）正在此主目录中运行上传队列。请先等它完成或退出它，或使用另一个 VODGUI_HOME。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="82"/>
        <source>Enter the proxy address, e.g. http://proxy.example.com:3128.</source>
        <translation>请输入代理地址，例如 http://proxy.example.com:3128。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="84"/>
        <source>The proxy password goes to the keychain, not into the proxy address. Enter it in the proxy password field.</source>
        <translation>代理密码保存在钥匙串中，不能写在代理地址里。请在“代理密码”一栏输入。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="86"/>
        <source>The proxy setting must be one of {allowed}.</source>
        <translation>代理设置必须是以下之一：{allowed}。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="87"/>
        <source>Enter the address of the PAC file, e.g. http://wpad.example.com/wpad.dat.</source>
        <translation>请输入 PAC 文件的地址，例如 http://wpad.example.com/wpad.dat。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="88"/>
        <source>The CA certificate file {path} does not exist.</source>
        <translation>CA 证书文件 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="90"/>
        <source>The CA certificate file {path} cannot be used: it must hold PEM certificates ({reason}).</source>
        <translation>CA 证书文件 {path} 无法使用：它必须包含 PEM 格式的证书（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="91"/>
        <source>The PAC file {url} could not be downloaded or is not a PAC file.</source>
        <translation>PAC 文件 {url} 无法下载，或不是 PAC 文件。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="92"/>
        <source>The PAC file {url} cannot be read: {reason}.</source>
        <translation>无法读取 PAC 文件 {url}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="93"/>
        <source>The PAC file {url} is not valid: {reason}.</source>
        <translation>PAC 文件 {url} 无效：{reason}。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="95"/>
        <source>The proxy {proxy} refused the user name or password (HTTP 407). Check the proxy user and password in the profile.</source>
        <translation>代理 {proxy} 拒绝了用户名或密码（HTTP 407）。请检查配置中的代理用户和密码。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="98"/>
        <source>The proxy {proxy} requires a user name and password (HTTP 407). Enter the proxy user and password in the profile.</source>
        <translation>代理 {proxy} 要求用户名和密码（HTTP 407）。请在配置中填写代理用户和密码。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="101"/>
        <source>The proxy {proxy} cannot be reached ({reason}). Check the proxy address in the profile, or choose another proxy setting.</source>
        <translation>无法连接代理 {proxy}（{reason}）。请检查配置中的代理地址，或选择其他代理设置。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="104"/>
        <source>The certificate of {host} is not trusted: it was issued by {issuer}, which this computer does not trust. If your company inspects HTTPS traffic, install its CA certificate in the operating system, or choose it as the profile&apos;s extra CA certificate.</source>
        <translation>{host} 的证书不受信任：它由 {issuer} 签发，而这台电脑不信任该机构。如果公司会检查 HTTPS 流量，请把公司的 CA 证书安装到操作系统中，或在配置中把它选为额外的 CA 证书。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="107"/>
        <source>an unknown authority</source>
        <translation>未知机构</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="108"/>
        <source>The secure connection to {host} failed: {reason}.</source>
        <translation>与 {host} 的安全连接失败：{reason}。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="110"/>
        <source>Could not reach the AppServer at {url} ({reason}). Check the URL and the network.</source>
        <translation>无法连接位于 {url} 的 AppServer（{reason}）。请检查 URL 和网络。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="112"/>
        <source>The AppServer at {url} answered /{path} with {what}, not as the AppServer contract says. Check that the URL is the prefix before /sts-token.</source>
        <translation>位于 {url} 的 AppServer 对 /{path} 的回答是{what}，不符合 AppServer 接口约定。请确认 URL 是 /sts-token 之前的那部分前缀。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="114"/>
        <source>HTTP {status} without JSON</source>
        <translation>不含 JSON 的 HTTP {status}</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="115"/>
        <source>a body without a valid {fields}</source>
        <translation>缺少有效 {fields} 的响应</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="116"/>
        <source>connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="117"/>
        <source>timed out</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="118"/>
        <source>unknown host name</source>
        <translation>无法解析主机名</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="119"/>
        <source>network error: {name}</source>
        <translation>网络错误：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="121"/>
        <source>This AccessKey belongs to the root account {account_id} ({arn}): it can do everything in the account, and anyone who copies it can too. Create a RAM user for uploads, give it the upload-only policy (vod:CreateUploadVideo, vod:RefreshUploadVideo: the &quot;Upload only&quot; preset), and use its AccessKey instead.</source>
        <translation>此 AccessKey 属于主账号 {account_id}（{arn}）：它能操作账号中的一切，任何拿到它的人也一样。请为上传创建一个 RAM 用户，授予仅上传的权限策略（vod:CreateUploadVideo、vod:RefreshUploadVideo，即“仅上传”预设），并改用该用户的 AccessKey。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="139"/>
        <source>{action}: the service answered HTTP {status} with something that is not JSON.</source>
        <translation>{action}：服务端返回了 HTTP {status}，但内容不是 JSON。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="140"/>
        <source>{action}: unexpected response.</source>
        <translation>{action}：应答内容无法识别。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="141"/>
        <source>The {name} returned by the service is not base64-encoded JSON.</source>
        <translation>服务端返回的 {name} 不是 Base64 编码的 JSON。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="142"/>
        <source>The {name} returned by the service is not a JSON object.</source>
        <translation>服务端返回的 {name} 不是 JSON 对象。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="143"/>
        <source>The {name} returned by the service has no {fields}.</source>
        <translation>服务端返回的 {name} 中缺少 {fields}。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="145"/>
        <source>The UploadAuth returned by the service has neither ExpireUTCTime nor Expiration.</source>
        <translation>服务端返回的 UploadAuth 中既没有 ExpireUTCTime，也没有 Expiration。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="146"/>
        <source>The endpoint is empty.</source>
        <translation>Endpoint 为空。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="147"/>
        <source>Could not reach {service} ({reason}).</source>
        <translation>无法连接 {service}（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="149"/>
        <source>The object OSS stored differs from the bytes sent (CRC64 mismatch: {detail}).</source>
        <translation>OSS 保存的对象与发送的数据不一致（CRC64 不匹配：{detail}）。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="151"/>
        <source>The AppServer refused the token. Check the AppServer token in the profile.</source>
        <translation>AppServer 拒绝了令牌。请检查配置中的 AppServer 令牌。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="153"/>
        <source>The upload credentials of {media_id} expired before the upload finished; they cannot be refreshed.</source>
        <translation>{media_id} 的上传凭证在上传完成前已过期，且无法刷新。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="155"/>
        <source>UserData is not valid JSON: {reason}</source>
        <translation>UserData 不是有效的 JSON：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="157"/>
        <source>UserData must be a JSON object, e.g. {{&quot;Extend&quot;: {{&quot;key&quot;: &quot;value&quot;}}}}.</source>
        <translation>UserData 必须是 JSON 对象，例如 {{&quot;Extend&quot;: {{&quot;key&quot;: &quot;value&quot;}}}}。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="158"/>
        <source>The callback URL must start with http:// or https://.</source>
        <translation>回调地址必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="160"/>
        <source>The acceleration endpoint “{value}” is not a URL like https://oss-accelerate.aliyuncs.com (http or https, a host name, an optional port, nothing after it).</source>
        <translation>加速域名“{value}”不是形如 https://oss-accelerate.aliyuncs.com 的地址（http 或 https、主机名、可选端口，其后不能再有内容）。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="163"/>
        <source>OSS refused the upload through the transfer-acceleration endpoint {endpoint} ({reason}). Acceleration is not enabled for this account&apos;s VOD storage: ask Alibaba Cloud to enable upload acceleration (a ticket naming the account UID and the storage bucket), or switch acceleration off in the profile.</source>
        <translation>OSS 拒绝了经传输加速域名 {endpoint} 的上传（{reason}）。此账号的点播存储未开通上传加速：请向阿里云提交工单开通上传加速（写明主账号 UID 和存储地址），或在配置中关闭上传加速。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="168"/>
        <source>This profile uploads to a sandbox on this computer, but {host}, where acceleration would send the upload, does not point to this computer: nothing was sent. For a rehearsal, map {host} to 127.0.0.1 in the hosts file; otherwise switch acceleration off in the profile.</source>
        <translation>此配置上传到本机的沙箱，但加速上传要发往的 {host} 并不指向本机：未发送任何数据。如需演练，请在 hosts 文件中把 {host} 映射到 127.0.0.1；否则请在配置中关闭上传加速。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="172"/>
        <source>VOD does not accept {ext} files as video or audio. Supported: {supported}.</source>
        <translation>视频点播不接受 {ext} 文件作为视频或音频。支持的格式：{supported}。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="173"/>
        <source>The title is longer than {limit} bytes.</source>
        <translation>标题超过 {limit} 字节。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="174"/>
        <source>The description is longer than {limit} bytes.</source>
        <translation>描述超过 {limit} 字节。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="175"/>
        <source>The title contains emoji or other characters VOD refuses.</source>
        <translation>标题中包含表情符号或视频点播不接受的其他字符。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="176"/>
        <source>At most {limit} tags are allowed; there are {count}.</source>
        <translation>最多允许 {limit} 个标签，当前有 {count} 个。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="177"/>
        <source>Tag {tag} is too long (max {limit} bytes) or contains a comma.</source>
        <translation>标签 {tag} 过长（最多 {limit} 字节）或包含逗号。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="178"/>
        <source>The image type must be one of {allowed}; got {value}.</source>
        <translation>图片类型必须是以下之一：{allowed}；当前为 {value}。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="179"/>
        <source>VOD does not accept {ext} images. Supported: {supported}.</source>
        <translation>视频点播不接受 {ext} 图片。支持的格式：{supported}。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="180"/>
        <source>The attached media type must be one of {allowed}; got {value}.</source>
        <translation>辅助媒资类型必须是以下之一：{allowed}；当前为 {value}。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="182"/>
        <source>VOD does not accept {ext} files as {business_type} media. Supported: {supported}.</source>
        <translation>视频点播不接受 {ext} 文件作为 {business_type} 媒资。支持的格式：{supported}。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="183"/>
        <source>{url} is not an http:// or https:// address VOD can fetch.</source>
        <translation>{url} 不是视频点播可以拉取的 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="184"/>
        <source>(no extension)</source>
        <translation>（无扩展名）</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="185"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="186"/>
        <source>{name} does not exist any more at {path}. Put it back or remove the item.</source>
        <translation>{name} 已不在 {path}。请将其放回原处，或移除该项。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="187"/>
        <source>{name} is a folder. Add the files inside it instead.</source>
        <translation>{name} 是一个文件夹。请改为添加其中的文件。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="188"/>
        <source>{name} cannot be read: {reason}.</source>
        <translation>无法读取 {name}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="189"/>
        <source>permission denied; check the file&apos;s permissions</source>
        <translation>权限不足，请检查文件的权限</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="190"/>
        <source>{name} is not a regular file.</source>
        <translation>{name} 不是普通文件。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="191"/>
        <source>{name} is empty (0 bytes); VOD cannot accept it.</source>
        <translation>{name} 是空文件（0 字节），视频点播无法接受。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="192"/>
        <source>{name} is not a text playlist (not UTF-8).</source>
        <translation>{name} 不是文本播放列表（不是 UTF-8 编码）。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="193"/>
        <source>{name} is not an M3U8 playlist: it does not start with #EXTM3U.</source>
        <translation>{name} 不是 M3U8 播放列表：它不是以 #EXTM3U 开头。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="194"/>
        <source>{name} cannot be uploaded; nothing was sent. Problems ({count}): {problems}.</source>
        <translation>{name} 无法上传，尚未发送任何内容。问题（{count} 个）：{problems}。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="195"/>
        <source>segment</source>
        <translation>分片</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="196"/>
        <source>key file</source>
        <translation>密钥文件</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="197"/>
        <source>initialization segment</source>
        <translation>初始化分片</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="199"/>
        <source>it is a master playlist (it lists variant streams); upload each variant playlist on its own</source>
        <translation>这是主播放列表（列出了多个码流），请分别上传每个码流的播放列表</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="200"/>
        <source>it lists no segments</source>
        <translation>其中没有列出任何分片</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="202"/>
        <source>{what} {uri} is a remote address; only local files can be uploaded (download the package first, or upload the playlist by URL)</source>
        <translation>{what} {uri} 是远程地址，只能上传本地文件（请先下载整个包，或通过 URL 上传播放列表）</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="205"/>
        <source>{uri} and {other} have the same name {name}; a package is one folder on the server, so rename one of them</source>
        <translation>{uri} 和 {other} 同名（{name}）；一个包在服务端是同一个文件夹，请重命名其中一个</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="207"/>
        <source>{what} {uri} is missing (looked for {path})</source>
        <translation>{what} {uri} 不存在（查找位置：{path}）</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="208"/>
        <source>{what} {uri} cannot be read: {reason}</source>
        <translation>无法读取{what} {uri}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="209"/>
        <source>{what} {uri} is not a file</source>
        <translation>{what} {uri} 不是文件</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="210"/>
        <source>{what} {uri} is larger than 5 GiB</source>
        <translation>{what} {uri} 大于 5 GiB</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="211"/>
        <source>{what} {uri} has no file name</source>
        <translation>{what} {uri} 没有文件名</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="214"/>
        <source>AuthInfoTimeout must be a whole number of seconds from {low} to {high}; {value} is out of range.</source>
        <translation>AuthInfoTimeout 必须是 {low} 到 {high} 之间的整数秒；{value} 超出范围。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="216"/>
        <source>Profile {profile} gets its upload credentials from an AppServer and holds no VOD key, so it cannot call GetVideoPlayAuth or GetPlayInfo. Use an AccessKey profile, or an STS profile, to test playback.</source>
        <translation>配置 {profile} 从 AppServer 获取上传凭证，自身没有点播密钥，因此无法调用 GetVideoPlayAuth 或 GetPlayInfo。请使用 AccessKey 配置或 STS 配置来测试播放。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="220"/>
        <source>This profile gets its upload credentials from an AppServer and holds no VOD key, so it cannot call GetVideoPlayAuth or GetPlayInfo. Use an AccessKey profile, or an STS profile, to test playback.</source>
        <translation>此配置从 AppServer 获取上传凭证，自身没有点播密钥，因此无法调用 GetVideoPlayAuth 或 GetPlayInfo。请使用 AccessKey 配置或 STS 配置来测试播放。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="223"/>
        <source>vodgui cannot use the PlayAuth as the player would ({why}) and the profile has no VOD key to fall back on.</source>
        <translation>vodgui 无法像播放器那样使用该播放凭证（{why}），而此配置也没有可以改用的点播密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="225"/>
        <source>No PlayAuth.</source>
        <translation>没有播放凭证。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="226"/>
        <source>The PlayAuth is empty.</source>
        <translation>播放凭证为空。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="228"/>
        <source>The PlayAuth is not base64: it is in a format vodgui does not know (newer PlayAuths are encrypted). Only the player SDK can use it.</source>
        <translation>播放凭证不是 Base64：它的格式 vodgui 无法识别（较新的播放凭证是加密的），只有播放器 SDK 能使用它。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="231"/>
        <source>The PlayAuth is base64 but not JSON: it is in a format vodgui does not know (newer PlayAuths are encrypted). Only the player SDK can use it.</source>
        <translation>播放凭证是 Base64，但不是 JSON：它的格式 vodgui 无法识别（较新的播放凭证是加密的），只有播放器 SDK 能使用它。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="233"/>
        <source>The PlayAuth decodes to JSON that is not an object.</source>
        <translation>播放凭证解码后的 JSON 不是对象。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="234"/>
        <source>it lacks credentials or AuthInfo</source>
        <translation>其中缺少凭证或 AuthInfo</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="236"/>
        <source>{value} is not a VideoId (32 letters and digits, as the upload or the VOD console shows it).</source>
        <translation>{value} 不是 VideoId（由 32 个字母和数字组成，可在上传记录或视频点播控制台中找到）。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="237"/>
        <source>Formats: {value} is not a format like mp4, m3u8, mp3 or mpd.</source>
        <translation>格式：{value} 不是 mp4、m3u8、mp3 或 mpd 这样的格式。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="238"/>
        <source>Definition: {values} is not one of {allowed}.</source>
        <translation>清晰度：{values} 不是以下之一：{allowed}。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="239"/>
        <source>StreamType must be video, audio, or both.</source>
        <translation>StreamType 必须是 video、audio 或两者。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="240"/>
        <source>OutputType must be cdn or oss.</source>
        <translation>OutputType 必须是 cdn 或 oss。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="241"/>
        <source>AuthTimeout must be at least 1 second.</source>
        <translation>AuthTimeout 至少为 1 秒。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="243"/>
        <source>AuthTimeout must be at least 1 second and at most {limit} for OSS URLs.</source>
        <translation>AuthTimeout 至少为 1 秒；OSS 地址最多为 {limit} 秒。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="244"/>
        <source>ResultType must be Single or Multiple.</source>
        <translation>ResultType 必须是 Single 或 Multiple。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="245"/>
        <source>PlayConfig is not valid JSON: {reason}</source>
        <translation>PlayConfig 不是有效的 JSON：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="247"/>
        <source>PlayConfig must be a JSON object, e.g. {{&quot;PlayDomain&quot;: &quot;vod.example.com&quot;}}.</source>
        <translation>PlayConfig 必须是 JSON 对象，例如 {{&quot;PlayDomain&quot;: &quot;vod.example.com&quot;}}。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="249"/>
        <source>valid: {arn}</source>
        <translation>有效：{arn}</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="250"/>
        <source>token {key_id}, valid until {until}</source>
        <translation>令牌 {key_id}，有效期至 {until}</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="251"/>
        <source>STS token {key_id}</source>
        <translation>STS 令牌 {key_id}</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="252"/>
        <source>reachable, token accepted</source>
        <translation>可连接，令牌已被接受</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="253"/>
        <source>allowed</source>
        <translation>已允许</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="254"/>
        <source>reachable</source>
        <translation>可连接</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="255"/>
        <source>reachable and authorized</source>
        <translation>可连接且已授权</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="257"/>
        <source>reachable; this profile may not read video info ({code}) — uploads can still work</source>
        <translation>可连接；此配置无权读取视频信息（{code}）——上传仍可正常进行</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="258"/>
        <source>Connection works.</source>
        <translation>连接正常。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="259"/>
        <source>The AccessKey ID is unknown or disabled. Check it in the RAM console.</source>
        <translation>AccessKey ID 不存在或已被禁用。请在 RAM 控制台核对。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="261"/>
        <source>The AccessKey secret (or the AppServer token) is wrong: the key ID is known, but the signature does not match. Enter the secret again.</source>
        <translation>AccessKey Secret（或 AppServer 令牌）错误：AccessKey ID 有效，但签名不匹配。请重新输入。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="264"/>
        <source>The key or role is valid but lacks permission for this call. Attach a policy that allows it (for uploads: vod:CreateUploadVideo and vod:RefreshUploadVideo).</source>
        <translation>密钥或角色有效，但无权执行此调用。请附加允许该操作的策略（上传需要 vod:CreateUploadVideo 和 vod:RefreshUploadVideo）。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="267"/>
        <source>The role does not exist, or this user may not assume it. Check the RoleArn and the role&apos;s trust policy.</source>
        <translation>角色不存在，或此用户无权扮演该角色。请检查 RoleArn 和角色的信任策略。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="270"/>
        <source>The service could not be reached. Check the network, the endpoint and the proxy.</source>
        <translation>无法连接服务端。请检查网络、Endpoint 和代理。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="272"/>
        <source>This computer&apos;s clock is more than 15 minutes off. Correct the date and time.</source>
        <translation>本机时钟偏差超过 15 分钟。请校正日期和时间。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="273"/>
        <source>The profile settings are not valid.</source>
        <translation>配置无效。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="274"/>
        <source>The temporary credentials were refused as expired.</source>
        <translation>临时凭证因已过期被拒绝。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="275"/>
        <source>The service is throttling requests; try again in a minute.</source>
        <translation>服务端正在限流，请一分钟后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="276"/>
        <source>The service had an internal error; try again later.</source>
        <translation>服务端出现内部错误，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="279"/>
        <source>{name} can no longer be read ({reason}). Put it back and retry; the parts already sent are kept.</source>
        <translation>{name} 已无法读取（{reason}）。请放回该文件后重试；已上传的分片会保留。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="281"/>
        <source>{name} changed while it was being uploaded. Nothing was lost: retry to upload the new version from the start.</source>
        <translation>{name} 在上传过程中被修改。没有丢失任何内容：重试即可从头上传新版本。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="284"/>
        <source>{what}: what OSS stored differs from the bytes read from the file ({detail}). The upload is not counted as done; retry it, and check the disk and the network if it happens again.</source>
        <translation>{what}：OSS 存储的内容与从文件读取的字节不一致（{detail}）。此次上传不算完成；请重试，如果再次出现，请检查磁盘和网络。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="287"/>
        <source>Profile {profile} gets its upload credentials from an AppServer, whose contract covers videos only (create and refresh upload video): {what} cannot go through it. Use a profile in STS mode or with an AccessKey for this item.</source>
        <translation>配置 {profile} 从 AppServer 获取上传凭证，而 AppServer 约定只涵盖视频（创建和刷新视频上传）：{what} 无法通过它上传。请为此项使用 STS 模式或带 AccessKey 的配置。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="290"/>
        <source>Profile {profile} has no VOD key to set the cover with.</source>
        <translation>配置 {profile} 没有可用于设置封面的 VOD 密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="292"/>
        <source>Unexpected {error}. The item is kept: retry it, and send the diagnostics if it happens again.</source>
        <translation>意外错误 {error}。该项已保留：请重试，如果再次出现，请发送诊断信息。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="294"/>
        <source>VOD does not know the upload job {job_id} for {url} any more. Remove the item and add the URL again.</source>
        <translation>VOD 已不再知道 {url} 的上传任务 {job_id}。请移除该项并重新添加该网址。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="295"/>
        <source>VOD could not fetch {url} (status {status}).</source>
        <translation>VOD 无法获取 {url}（状态 {status}）。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="296"/>
        <source>CreateUploadImage gave no ImageURL or FileURL to use as the cover.</source>
        <translation>CreateUploadImage 没有返回可用作封面的 ImageURL 或 FileURL。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="298"/>
        <source>A workflow ID is 32 hexadecimal digits (console: Configuration Management &gt; Media Processing &gt; Workflows).</source>
        <translation>工作流 ID 为 32 位十六进制字符（控制台：配置管理 &gt; 媒体处理配置 &gt; 工作流管理）。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="301"/>
        <source>A storage location looks like outin-&lt;id&gt;.oss-&lt;region&gt;.aliyuncs.com (console: Configuration Management &gt; Media Management &gt; Storage).</source>
        <translation>存储地址形如 outin-&lt;id&gt;.oss-&lt;region&gt;.aliyuncs.com（控制台：配置管理 &gt; 媒体管理配置 &gt; 存储管理）。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="303"/>
        <source>Video {video_id} no longer exists in VOD (deleted?); a new video is created.</source>
        <translation>视频 {video_id} 在 VOD 中已不存在（已删除？）；将创建一个新视频。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="305"/>
        <source>The file changed since the last attempt (size or modification time); it is uploaded again from the start.</source>
        <translation>文件自上次尝试以来已更改（大小或修改时间）；将从头重新上传。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="307"/>
        <source>{count} parts reused after resume</source>
        <translation>续传时复用了 {count} 个分片</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="308"/>
        <source>{count} parts on the server differed from the file and were sent again.</source>
        <translation>服务器上有 {count} 个分片与文件不一致，已重新发送。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="309"/>
        <source>{count} segments were already on the server</source>
        <translation>服务器上已有 {count} 个分段</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="310"/>
        <source>Submitted to VOD; waiting for it to fetch the file.</source>
        <translation>已提交给 VOD；正在等待它获取文件。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="311"/>
        <source>VOD reports the upload job as {status}.</source>
        <translation>VOD 报告上传任务状态为 {status}。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="313"/>
        <source>The upload credentials of {media_id} expired before the upload finished; it was uploaded again under a new id.</source>
        <translation>{media_id} 的上传凭证在上传完成前过期；已使用新的 ID 重新上传。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="315"/>
        <source>The cover image could not be set: {error}</source>
        <translation>无法设置封面图片：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="317"/>
        <source>The server no longer has the earlier upload session (it was completed, aborted or expired); the file is sent again.</source>
        <translation>服务器上已没有之前的上传会话（已完成、已中止或已过期）；将重新发送文件。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="319"/>
        <source>The unfinished upload on the server was aborted.</source>
        <translation>服务器上未完成的上传已中止。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="321"/>
        <source>Video {video_id} had been created before its answer was lost (a crash or a dropped connection); the upload goes on in it.</source>
        <translation>视频 {video_id} 在应答丢失（程序崩溃或连接中断）之前已经创建；上传将在该视频中继续。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="323"/>
        <source>Details saved in VOD (UpdateVideoInfo) for video {video_id}.</source>
        <translation>已在点播中保存视频 {video_id} 的详细信息（UpdateVideoInfo）。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="324"/>
        <source>The details could not be saved in VOD for video {video_id}: {error}</source>
        <translation>未能在点播中保存视频 {video_id} 的详细信息：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="326"/>
        <source>Profile {profile} gets upload credentials from an AppServer and cannot call VOD, so it cannot change a video&apos;s details. Use an AccessKey profile for the same account.</source>
        <translation>配置 {profile} 从 AppServer 获取上传凭证，无法调用点播接口，因此不能修改视频的详细信息。请使用同一账号的 AccessKey 配置。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="328"/>
        <source>Video {video_id} does not exist in VOD (deleted?).</source>
        <translation>视频 {video_id} 在点播中不存在（已删除？）。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="329"/>
        <source>Cancelled: the placeholder video {video_id} was deleted from VOD.</source>
        <translation>已取消：占位视频 {video_id} 已从点播中删除。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="331"/>
        <source>Cancelled, but the placeholder video {video_id} could not be deleted ({error}). Delete it in the VOD console.</source>
        <translation>已取消，但占位视频 {video_id} 未能删除（{error}）。请在点播控制台中删除。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="334"/>
        <source>Cancelled. This profile cannot delete videos: delete the placeholder video {video_id} in the VOD console.</source>
        <translation>已取消。此配置无法删除视频：请在点播控制台中删除占位视频 {video_id}。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="337"/>
        <source>Cancelled: the image {media_id} created for it was deleted from VOD (DeleteImage).</source>
        <translation>已取消：为其创建的图片 {media_id} 已从点播中删除（DeleteImage）。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="339"/>
        <source>Cancelled, but the image {media_id} created for it could not be deleted ({error}). Delete it in the VOD console.</source>
        <translation>已取消，但为其创建的图片 {media_id} 无法删除（{error}）。请在点播控制台中删除它。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="342"/>
        <source>Cancelled. This profile cannot delete images: delete the image {media_id} in the VOD console.</source>
        <translation>已取消。此配置无法删除图片：请在点播控制台中删除图片 {media_id}。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="344"/>
        <source>Cancelled: the attached media {media_id} created for it was deleted from VOD (DeleteAttachedMedia).</source>
        <translation>已取消：为其创建的辅助媒资 {media_id} 已从点播中删除（DeleteAttachedMedia）。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="346"/>
        <source>Cancelled, but the attached media {media_id} created for it could not be deleted ({error}). Delete it in the VOD console.</source>
        <translation>已取消，但为其创建的辅助媒资 {media_id} 无法删除（{error}）。请在点播控制台中删除它。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="349"/>
        <source>Cancelled. This profile cannot delete attached media: delete {media_id} in the VOD console.</source>
        <translation>已取消。此配置无法删除辅助媒资：请在点播控制台中删除 {media_id}。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="351"/>
        <source>Interrupted: the program that was uploading this item stopped. It goes on from the parts the server has.</source>
        <translation>已中断：正在上传此项的程序已停止。将从服务器上已有的分片继续。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="353"/>
        <source>an image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="354"/>
        <source>{business_type} media</source>
        <translation>{business_type} 附加媒体</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="355"/>
        <source>an upload by URL</source>
        <translation>网址上传</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="358"/>
        <source>Throttle patience must be between {low} and {high} seconds.</source>
        <translation>限流等待时间必须在 {low} 到 {high} 秒之间。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="359"/>
        <source>The disk holding the vodgui home {directory} is full ({free} free). Free at least {want} on that disk (vodgui&apos;s own files there: {used}; old logs and the built-in sandbox&apos;s data can go), or use another home with --home or VODGUI_HOME. Nothing was lost: try again once there is room.</source>
        <translation>vodgui 主目录 {directory} 所在的磁盘已满（剩余 {free}）。请在该磁盘上至少释放 {want}（vodgui 自己在那里的文件：{used}；旧日志和内置沙箱的数据可以删除），或用 --home 或 VODGUI_HOME 改用其他主目录。没有丢失任何内容：腾出空间后再试一次。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="362"/>
        <source>The vodgui home {directory} cannot be written (read-only or no permission). Make it writable for this user, or use another home with --home or VODGUI_HOME. Nothing was lost: try again then.</source>
        <translation>无法写入 vodgui 主目录 {directory}（只读或没有权限）。请让当前用户可以写入它，或用 --home 或 VODGUI_HOME 改用其他主目录。没有丢失任何内容：之后再试一次。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="365"/>
        <source>waiting: the service is throttling ({code}); trying again in {delay} s</source>
        <translation>等待中：服务正在限流（{code}）；{delay} 秒后重试</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="366"/>
        <source>waiting: {code}; retry {attempt} in {delay} s</source>
        <translation>等待中：{code}；{delay} 秒后进行第 {attempt} 次重试</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="126"/>
        <source>The policy is not valid JSON: {reason}</source>
        <translation>策略不是有效的 JSON：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="33"/>
        <source>The AppServer URL must start with https:// (http:// only for a loopback address such as 127.0.0.1): the token must not travel in clear.</source>
        <translation>AppServer URL 必须以 https:// 开头（只有 127.0.0.1 等本机回环地址可以用 http://）：令牌不能以明文传输。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="43"/>
        <source>The proxy must look like http://host:port, https://host:port or socks5://host:port.</source>
        <translation>代理的格式应为 http://主机:端口、https://主机:端口 或 socks5://主机:端口。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="127"/>
        <source>The policy must be a JSON object.</source>
        <translation>策略必须是 JSON 对象。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="128"/>
        <source>The policy is longer than {limit} characters.</source>
        <translation>策略长度超过 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="129"/>
        <source>The policy needs &quot;Version&quot;: &quot;1&quot;.</source>
        <translation>策略必须包含 &quot;Version&quot;: &quot;1&quot;。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="130"/>
        <source>The policy needs a non-empty Statement list.</source>
        <translation>策略必须包含非空的 Statement 列表。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="131"/>
        <source>Statement {index} must be an object.</source>
        <translation>第 {index} 条 Statement 必须是对象。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="132"/>
        <source>Statement {index}: Effect must be &quot;Allow&quot; or &quot;Deny&quot;.</source>
        <translation>第 {index} 条 Statement：Effect 必须是 &quot;Allow&quot; 或 &quot;Deny&quot;。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="133"/>
        <source>Statement {index} has no Action.</source>
        <translation>第 {index} 条 Statement 缺少 Action。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="134"/>
        <source>Statement {index} has no Resource.</source>
        <translation>第 {index} 条 Statement 缺少 Resource。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="135"/>
        <source>Statement {index}: action {action} is not like vod:CreateUploadVideo.</source>
        <translation>第 {index} 条 Statement：操作 {action} 的格式应类似 vod:CreateUploadVideo。</translation>
    </message>
    <message>
        <location filename="../../ui/message_texts.py" line="137"/>
        <source>{action} answered without a valid {fields}.</source>
        <translation>{action} 的应答中缺少有效的 {fields}。</translation>
    </message>
</context>
<context>
    <name>MetadataPanel</name>
    <message>
        <location filename="../../ui/metadata_editor.py" line="425"/>
        <source>&amp;Apply</source>
        <extracomment>The metadata form on its own (the History page&apos;s video details dialog uses it too). States in which an item without a VideoId is being created in VOD, or is done.</extracomment>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="426"/>
        <source>Save the changed fields for the selected items ({0})</source>
        <translation>保存所选项目中已修改的字段（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="430"/>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="431"/>
        <source>Forget the changes and show the saved values again</source>
        <translation>放弃修改，重新显示已保存的值</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="433"/>
        <source>Defaults for new files…</source>
        <translation>新文件的默认信息…</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="434"/>
        <source>Metadata given to files you add from now on, for this profile</source>
        <translation>此配置下今后添加的文件将使用的元数据</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="436"/>
        <source>Choose cover &amp;image…</source>
        <translation>选择封面图片(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="438"/>
        <source>Upload an image as the cover of the selected videos. A video that exists in VOD gets it at once; a waiting one when it is created.</source>
        <translation>上传一张图片作为所选视频的封面。已在视频点播中的视频立即设置；等待中的视频在创建时设置。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="487"/>
        <source>No item selected</source>
        <translation>未选择项目</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="509"/>
        <source>Changes apply to every selected item: waiting ones keep them for the upload, videos in VOD are updated there.</source>
        <translation>修改会应用到所有选中的项目：等待中的项目在上传时使用，已在点播中的视频直接在点播中更新。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="533"/>
        <source>These items cannot be changed now: VOD is creating the video (wait a moment) or the item is not a video.</source>
        <translation>这些项目现在无法修改：点播正在创建视频（请稍候），或该项目不是视频。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/metadata_editor.py" line="536"/>
        <source>%n selected item(s) cannot be changed now (the video is being created, or it is not a video); changes apply to the others.</source>
        <translation>
            <numerusform>有 %n 个选中的项目现在无法修改（视频正在创建，或不是视频）；修改会应用到其他项目。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="539"/>
        <source>Title, description, tags, category and cover of videos that exist in VOD are saved there (UpdateVideoInfo); the result shows in the item&apos;s State.</source>
        <translation>已在点播中的视频，其标题、描述、标签、分类和封面会保存到点播（UpdateVideoInfo）；结果显示在项目的状态中。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="494"/>
        <source>Address: {0}
VideoId: {1}</source>
        <translation>地址：{0}
VideoId：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="497"/>
        <source>Folder: {0}
VideoId: {1}</source>
        <translation>文件夹：{0}
VideoId：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="495"/>
        <location filename="../../ui/metadata_editor.py" line="498"/>
        <source>not created yet</source>
        <translation>尚未创建</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="488"/>
        <source>Select queue items to change their title, description, tags and other details: before they upload, or in VOD once the video exists.</source>
        <translation>选择队列项目以修改标题、描述、标签等详细信息：上传前修改，或在视频已存在于点播后在点播中修改。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="502"/>
        <source>Why it failed: {0}</source>
        <translation>失败原因：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="508"/>
        <source>{0} items selected</source>
        <translation>已选择 {0} 项</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="515"/>
        <source>Each file&apos;s name</source>
        <translation>各文件的文件名</translation>
    </message>
</context>
<context>
    <name>PlayAuthPanel</name>
    <message>
        <location filename="../../ui/playauth_panels.py" line="57"/>
        <source>PlayAuth</source>
        <translation>播放凭证 (PlayAuth)</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="66"/>
        <source>Press Get PlayAuth</source>
        <extracomment>This computer&apos;s clock; tests replace it.</extracomment>
        <translation>请点击“获取播放凭证”</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="67"/>
        <source>The PlayAuth, masked: it carries temporary credentials</source>
        <translation>播放凭证（已打码）：其中包含临时凭证</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="69"/>
        <location filename="../../ui/playauth_panels.py" line="196"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="71"/>
        <source>Show the PlayAuth and the secrets inside it</source>
        <translation>显示播放凭证及其中的敏感信息</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="73"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="74"/>
        <source>Copy the full PlayAuth to the clipboard (for a player test page)</source>
        <translation>将完整的播放凭证复制到剪贴板（用于播放器测试页）</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="83"/>
        <source>Time left until the AuthInfo&apos;s ExpireTime, by this computer&apos;s clock</source>
        <translation>按本机时钟计算，距 AuthInfo 的 ExpireTime 还剩的时间</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="102"/>
        <source>Decoded PlayAuth</source>
        <translation>解码后的 PlayAuth</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="104"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="104"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="107"/>
        <source>The PlayAuth decoded (legacy base64-JSON format); secrets stay masked unless Show is on</source>
        <translation>解码后的播放凭证（旧版 base64-JSON 格式）；除非点击“显示”，敏感信息保持打码</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="148"/>
        <source>Opaque: this PlayAuth is not in the legacy base64-JSON format, so vodgui cannot show what is inside ({0}). The player SDK can still use it; the check falls back to GetPlayInfo with the profile&apos;s key.</source>
        <translation>无法解析：此播放凭证不是旧版 base64-JSON 格式，vodgui 无法显示其内容（{0}）。播放器 SDK 仍可使用它；检查将改用当前配置的密钥调用 GetPlayInfo。</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="196"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="210"/>
        <source>Expiry unknown</source>
        <translation>过期时间未知</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="216"/>
        <source>AuthInfo expires in {0} (at {1})</source>
        <translation>AuthInfo 将在 {0} 后过期（{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="218"/>
        <source>— estimated from the AuthInfoTimeout</source>
        <translation>——根据 AuthInfoTimeout 估算</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="224"/>
        <source>AuthInfo expired {0} ago (at {1}): get a new PlayAuth.</source>
        <translation>AuthInfo 已于 {0} 前过期（{1}）：请重新获取播放凭证。</translation>
    </message>
</context>
<context>
    <name>PlayInfoPanel</name>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="49"/>
        <location filename="../../ui/playinfo_panel.py" line="52"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="50"/>
        <source>Formats: comma list of mp4, m3u8, mp3, mpd. Empty asks for all.</source>
        <translation>格式（Formats）：mp4、m3u8、mp3、mpd，以逗号分隔。留空表示全部。</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="53"/>
        <source>Definition: comma list of FD, LD, SD, HD, OD, 2K, 4K, SQ, HQ, AUTO. Empty asks for all.</source>
        <translation>清晰度（Definition）：FD、LD、SD、HD、OD、2K、4K、SQ、HQ、AUTO，以逗号分隔。留空表示全部。</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="56"/>
        <source>video and audio</source>
        <translation>视频和音频</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="56"/>
        <source>video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="57"/>
        <source>audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="59"/>
        <source>StreamType</source>
        <translation>流类型（StreamType）</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="66"/>
        <source>OutputType: cdn gives CDN URLs signed with auth_key; oss gives presigned OSS URLs (mp4 only)</source>
        <translation>输出类型（OutputType）：cdn 返回带 auth_key 签名的 CDN 地址；oss 返回预签名的 OSS 地址（仅 mp4）</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="70"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="71"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="72"/>
        <source>AuthTimeout: how long the playback URLs stay valid. &apos;default&apos; leaves it to the service (CDN URL signing default, 3600 s for OSS).</source>
        <translation>地址有效期（AuthTimeout）：播放地址的有效时长。“默认”表示由服务端决定（CDN 为 URL 鉴权的默认值，OSS 为 3600 秒）。</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="77"/>
        <source>ResultType: Single gives one stream per definition; Multiple all</source>
        <translation>返回类型（ResultType）：Single 每种清晰度返回一个流；Multiple 返回全部</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="81"/>
        <location filename="../../ui/playinfo_panel.py" line="226"/>
        <source>PlayConfig: a JSON object, e.g. a PlayDomain to sign URLs for</source>
        <translation>PlayConfig：JSON 对象，例如指定用于签名地址的播放域名 PlayDomain</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="84"/>
        <source>for HLS standard encryption; the built-in sandbox mints one</source>
        <translation>用于 HLS 标准加密；内置沙箱会自动生成</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="85"/>
        <source>MtsHlsUriToken from your token service: the preview appends it to an encrypted playlist&apos;s URL, and the CDN passes it on to the key URI</source>
        <translation>来自您令牌服务的 MtsHlsUriToken：预览会把它加到加密播放列表的地址上，CDN 再把它传给密钥地址</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="87"/>
        <source>Get play info</source>
        <translation>获取播放信息</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="88"/>
        <source>Call GetPlayInfo with the profile&apos;s key and these inputs</source>
        <translation>用当前配置的密钥和这些参数调用 GetPlayInfo</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="92"/>
        <source>Formats:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="92"/>
        <source>Definition:</source>
        <translation>清晰度：</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="93"/>
        <source>StreamType:</source>
        <translation>流类型：</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="93"/>
        <source>OutputType:</source>
        <translation>输出类型：</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="94"/>
        <source>AuthTimeout:</source>
        <translation>地址有效期：</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="94"/>
        <source>ResultType:</source>
        <translation>返回类型：</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="100"/>
        <source>PlayConfig:</source>
        <translation>PlayConfig：</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="105"/>
        <source>MtsHlsUriToken:</source>
        <translation>MtsHlsUriToken：</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="124"/>
        <source>Streams</source>
        <translation>播放流</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="126"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="126"/>
        <source>Definition</source>
        <translation>清晰度</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="126"/>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="126"/>
        <source>Bitrate</source>
        <translation>码率</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="126"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="127"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="127"/>
        <source>Encryption</source>
        <translation>加密</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="127"/>
        <source>URL expires</source>
        <translation>地址过期时间</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="127"/>
        <source>URL</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="139"/>
        <source>Double-click a stream to preview it</source>
        <translation>双击播放流即可预览</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="141"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="142"/>
        <source>Play the selected stream below</source>
        <translation>在下方播放所选的流</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="144"/>
        <source>Copy URL</source>
        <translation>复制地址</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="145"/>
        <source>Copy the selected stream&apos;s full playback URL (a credential until it expires)</source>
        <translation>复制所选流的完整播放地址（过期前可当作凭证使用，请妥善保管）</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="186"/>
        <source>{0:.0f} kbps</source>
        <translation>{0:.0f} kbps</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="188"/>
        <source>encrypted</source>
        <translation>已加密</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="188"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="189"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="221"/>
        <source>PlayConfig must be a JSON object.</source>
        <translation>PlayConfig 必须是 JSON 对象。</translation>
    </message>
    <message>
        <location filename="../../ui/playinfo_panel.py" line="223"/>
        <source>PlayConfig is not valid JSON: {0}</source>
        <translation>PlayConfig 不是有效的 JSON：{0}</translation>
    </message>
</context>
<context>
    <name>PlaybackPage</name>
    <message>
        <location filename="../../ui/playback_page.py" line="134"/>
        <source>Paste one or more VideoIds, separated any way you like</source>
        <extracomment>History rows looked at, and videos put in an empty list, when the page opens. History kinds the page can play (images and attached media are not videos). The renditions the preview&apos;s definition switcher offers (video streams of the last stream list). Why the current profile cannot test playback (&quot;&quot; when it can); see _on_profile_changed. How often &quot;Watch until Normal&quot; asks GetVideoInfo (tests shorten it).</extracomment>
        <translation>粘贴一个或多个 VideoId，分隔方式不限</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="135"/>
        <source>VideoIds: paste from the console, a spreadsheet or a log; commas, spaces and new lines all separate. History and the queue can send them here.</source>
        <translation>VideoId：可从控制台、表格或日志中粘贴；逗号、空格和换行都可作为分隔。“历史记录”和上传队列也可以把 VideoId 发送到这里。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="143"/>
        <source>The video the PlayAuth, check, play info and preview are for</source>
        <translation>播放凭证、检查、播放信息和预览所针对的视频</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="148"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="149"/>
        <source>AuthInfoTimeout: how long the PlayAuth stays valid, 100–3000 seconds</source>
        <translation>AuthInfoTimeout：播放凭证的有效时长，100–3000 秒</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="151"/>
        <source>Get PlayAuth</source>
        <translation>获取播放凭证</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="153"/>
        <source>Call GetVideoPlayAuth for the chosen video with the current profile</source>
        <translation>用当前配置为所选视频调用 GetVideoPlayAuth</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="154"/>
        <source>Check as the player would</source>
        <translation>模拟播放器检查</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="155"/>
        <source>Call GetPlayInfo the way the player SDK does: with the PlayAuth&apos;s own credentials and AuthInfo (gets a PlayAuth first if needed)</source>
        <translation>按播放器 SDK 的方式调用 GetPlayInfo：使用播放凭证自带的凭据和 AuthInfo（如还没有播放凭证，会先获取）</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="160"/>
        <source>Video:</source>
        <translation>视频：</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="161"/>
        <source>AuthInfoTimeout:</source>
        <translation>AuthInfoTimeout：</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="163"/>
        <source>VideoIds:</source>
        <translation>VideoId：</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="189"/>
        <source>Watch until Normal</source>
        <translation>持续查询至“正常”</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="190"/>
        <source>Ask GetVideoInfo every few seconds; as soon as the video is Normal, get the PlayAuth and check it</source>
        <translation>每隔几秒调用一次 GetVideoInfo；视频一变为“正常”，就获取播放凭证并检查</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="201"/>
        <source>VidSts check</source>
        <translation>VidSts 检查</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="203"/>
        <source>The player&apos;s other way in: an STS token + VideoId, GetPlayInfo signed with the token</source>
        <translation>播放器的另一种方式：STS 令牌 + VideoId，用令牌签名调用 GetPlayInfo</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="205"/>
        <source>VidAuth check (PlayAuth)</source>
        <translation>VidAuth 检查（播放凭证）</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="233"/>
        <source>Streams and preview</source>
        <translation>播放流与预览</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="234"/>
        <source>Batch check</source>
        <translation>批量检查</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="238"/>
        <source>JWTPlayAuth</source>
        <translation>JWT 播放凭证</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="239"/>
        <source>URL signing</source>
        <translation>URL 鉴权</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="240"/>
        <source>GetPlayInfo matrix</source>
        <translation>GetPlayInfo 矩阵</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="241"/>
        <source>GetPlayInfo with every input, the streams, and an embedded player</source>
        <translation>带全部参数的 GetPlayInfo、播放流列表和内嵌播放器</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="242"/>
        <source>Every VideoId × AuthInfoTimeout: PlayAuth, player check, streams; export CSV or JSON</source>
        <translation>每个 VideoId × AuthInfoTimeout：播放凭证、播放器检查、播放流；可导出 CSV 或 JSON</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="324"/>
        <source>Getting a PlayAuth…</source>
        <translation>正在获取播放凭证…</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="388"/>
        <source>Asking GetPlayInfo…</source>
        <translation>正在调用 GetPlayInfo…</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="491"/>
        <source>Choose or create a profile first.</source>
        <translation>请先选择或新建配置。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="493"/>
        <source>Profile {0} gets upload credentials from an AppServer and holds no VOD key, so it cannot call GetVideoPlayAuth or GetPlayInfo. Choose an AccessKey or STS profile to test playback.</source>
        <translation>配置 {0} 从 AppServer 获取上传凭证，自身没有点播密钥，因此无法调用 GetVideoPlayAuth 或 GetPlayInfo。请选择 AccessKey 或 STS 配置来测试播放。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="548"/>
        <source>The video&apos;s status is {0}: it will not become playable by waiting. Check the media processing in the VOD console.</source>
        <translation>视频状态为“{0}”：等待也不会变为可播放。请在视频点播控制台中检查媒体处理情况。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="552"/>
        <source>The video is {0}. It can be played once its status is Normal.</source>
        <translation>视频状态为“{0}”。状态变为“正常”后即可播放。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="553"/>
        <source>not ready</source>
        <translation>未就绪</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="555"/>
        <source>Last checked at {0}.</source>
        <translation>上次检查于 {0}。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="563"/>
        <source>Streams the player got in its check</source>
        <translation>播放器在检查中获得的播放流</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="573"/>
        <source>{0} stream(s) from GetPlayInfo with the profile&apos;s key</source>
        <translation>用当前配置的密钥调用 GetPlayInfo，得到 {0} 个播放流</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="596"/>
        <source>{0} video(s)</source>
        <translation>{0} 个视频</translation>
    </message>
    <message>
        <location filename="../../ui/playback_page.py" line="673"/>
        <source>Cannot watch the status: {0}</source>
        <translation>无法持续查询状态：{0}</translation>
    </message>
</context>
<context>
    <name>PlayerWidget</name>
    <message>
        <location filename="../../ui/player_widget.py" line="147"/>
        <source>Select a stream and press Preview.</source>
        <translation>请选择一个播放流，然后点击“预览”。</translation>
    </message>
    <message>
        <location filename="../../ui/player_widget.py" line="148"/>
        <source>Preview of the selected stream, fetched from its playback URL</source>
        <translation>所选播放流的预览，从其播放地址获取</translation>
    </message>
    <message>
        <location filename="../../ui/player_widget.py" line="155"/>
        <source>Play or pause</source>
        <translation>播放或暂停</translation>
    </message>
    <message>
        <location filename="../../ui/player_widget.py" line="156"/>
        <location filename="../../ui/player_widget.py" line="331"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../ui/player_widget.py" line="160"/>
        <source>Click or drag to seek</source>
        <translation>点击或拖动以跳转</translation>
    </message>
    <message>
        <location filename="../../ui/player_widget.py" line="161"/>
        <source>Position</source>
        <translation>播放位置</translation>
    </message>
    <message>
        <location filename="../../ui/player_widget.py" line="161"/>
        <source>Playback position in milliseconds; arrow keys seek</source>
        <translation>播放位置（毫秒）；方向键可跳转</translation>
    </message>
    <message>
        <location filename="../../ui/player_widget.py" line="171"/>
        <location filename="../../ui/player_widget.py" line="172"/>
        <location filename="../../ui/player_widget.py" line="306"/>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../ui/player_widget.py" line="175"/>
        <source>Definition and format: switch renditions at the same position</source>
        <translation>清晰度和格式：在当前位置切换转码流</translation>
    </message>
    <message>
        <location filename="../../ui/player_widget.py" line="176"/>
        <source>Definition</source>
        <translation>清晰度</translation>
    </message>
    <message>
        <location filename="../../ui/player_widget.py" line="185"/>
        <location filename="../../ui/player_widget.py" line="186"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../../ui/player_widget.py" line="306"/>
        <source>Unmute</source>
        <translation>取消静音</translation>
    </message>
    <message>
        <location filename="../../ui/player_widget.py" line="330"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/player_widget.py" line="335"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/player_widget.py" line="336"/>
        <source>Waiting for data…</source>
        <translation>正在等待数据…</translation>
    </message>
    <message>
        <location filename="../../ui/player_widget.py" line="337"/>
        <source>Buffering…</source>
        <translation>正在缓冲…</translation>
    </message>
    <message>
        <location filename="../../ui/player_widget.py" line="338"/>
        <source>End of the stream.</source>
        <translation>播放结束。</translation>
    </message>
    <message>
        <location filename="../../ui/player_widget.py" line="339"/>
        <source>This stream cannot be played.</source>
        <translation>此播放流无法播放。</translation>
    </message>
    <message>
        <location filename="../../ui/player_widget.py" line="346"/>
        <source>Cannot play this stream: {0}</source>
        <translation>无法播放此播放流：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/player_widget.py" line="359"/>
        <source>The server could not be reached: {0}</source>
        <translation>无法连接服务器：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/player_widget.py" line="361"/>
        <source>The server answered HTTP {0} {1}.</source>
        <translation>服务器返回 HTTP {0} {1}。</translation>
    </message>
    <message>
        <location filename="../../ui/player_widget.py" line="363"/>
        <source>The URL&apos;s auth_key has probably expired (or the URL was altered): get the play info again.</source>
        <translation>地址中的 auth_key 可能已过期（或地址被修改）：请重新获取播放信息。</translation>
    </message>
</context>
<context>
    <name>PolicyEditor</name>
    <message>
        <location filename="../../ui/policy_editor.py" line="68"/>
        <source>None: the role&apos;s full permissions</source>
        <translation>无：使用角色的全部权限</translation>
    </message>
    <message>
        <location filename="../../ui/policy_editor.py" line="69"/>
        <source>Upload only</source>
        <translation>仅上传</translation>
    </message>
    <message>
        <location filename="../../ui/policy_editor.py" line="70"/>
        <source>Upload and playback</source>
        <translation>上传和播放</translation>
    </message>
    <message>
        <location filename="../../ui/policy_editor.py" line="71"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../ui/policy_editor.py" line="73"/>
        <source>Session policy preset</source>
        <translation>会话策略预设</translation>
    </message>
    <message>
        <location filename="../../ui/policy_editor.py" line="74"/>
        <source>A session policy narrows what the STS token may do: the token gets the role&apos;s permissions intersected with this policy.</source>
        <translation>会话策略用于限制 STS 令牌的权限：令牌获得的权限是角色权限与此策略的交集。</translation>
    </message>
    <message>
        <location filename="../../ui/policy_editor.py" line="78"/>
        <source>Session policy JSON</source>
        <translation>会话策略 JSON</translation>
    </message>
    <message>
        <location filename="../../ui/policy_editor.py" line="81"/>
        <source>No session policy</source>
        <translation>无会话策略</translation>
    </message>
    <message>
        <location filename="../../ui/policy_editor.py" line="82"/>
        <source>RAM policy JSON: {&quot;Version&quot;: &quot;1&quot;, &quot;Statement&quot;: [...]}, at most 2048 characters</source>
        <translation>RAM 策略 JSON：{&quot;Version&quot;: &quot;1&quot;, &quot;Statement&quot;: [...]}，最多 2048 个字符</translation>
    </message>
    <message>
        <location filename="../../ui/policy_editor.py" line="151"/>
        <source>✗ Policy problem: {0}</source>
        <translation>✗ 策略有误：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/policy_editor.py" line="154"/>
        <source>✓ The policy is well-formed.</source>
        <translation>✓ 策略格式正确。</translation>
    </message>
    <message>
        <location filename="../../ui/policy_editor.py" line="157"/>
        <source>No session policy: the token has all the permissions of the role.</source>
        <translation>无会话策略：令牌拥有角色的全部权限。</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../ui/profile_dialog.py" line="105"/>
        <source>Built-in sandbox profile</source>
        <extracomment>Regions offered in the editable region box (any other region id can be typed). Which field to focus for a validation error code. Keychain facts, filled off-thread: the problem (None = usable), its name, which fields are stored. Why the keychain cannot hold secrets (the core&apos;s message), or None. Where the last save put the secret (&quot;SecretService Keyring&quot;), for the status bar and tests.</extracomment>
        <translation>内置沙箱配置</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="107"/>
        <source>Edit profile {0}</source>
        <translation>编辑配置 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="109"/>
        <source>New profile</source>
        <translation>新建配置</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="116"/>
        <source>This is the built-in sandbox profile. Its keys, role, AppServer and endpoints come from the sandbox running inside vodgui, so they cannot be edited here. Choose the mode and the source to rehearse each way of uploading.</source>
        <translation>这是内置的沙箱配置。其密钥、角色、AppServer 和 Endpoint 都来自 vodgui 内部运行的沙箱，因此不能在此编辑。选择不同的模式和来源，即可演练每种上传方式。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="123"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="126"/>
        <source>A name for this account, shown in the profile switcher</source>
        <translation>此账号的名称，显示在配置切换框中</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="127"/>
        <source>e.g. Production</source>
        <translation>例如：生产环境</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="131"/>
        <source>The VOD region of your videos (a region id like cn-shanghai)</source>
        <translation>视频所在的点播地域（地域 ID，例如 cn-shanghai）</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="133"/>
        <source>Upload credential</source>
        <translation>上传凭证</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="134"/>
        <source>STS</source>
        <translation>STS 临时凭证</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="135"/>
        <source>How uploads are authorized</source>
        <translation>上传的授权方式</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="138"/>
        <source>AccessKey in the keychain</source>
        <translation>AccessKey（保存在钥匙串中）</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="139"/>
        <source>AppServer URL and token</source>
        <translation>AppServer 地址和令牌</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="140"/>
        <source>Where the credentials come from</source>
        <translation>凭证的来源</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="142"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="143"/>
        <source>&amp;Region:</source>
        <translation>地域(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="144"/>
        <source>&amp;Mode:</source>
        <translation>模式(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="146"/>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="149"/>
        <source>Credentials</source>
        <translation>凭证</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="152"/>
        <source>The AccessKey ID (LTAI…) of the account or RAM user</source>
        <translation>阿里云账号或 RAM 用户的 AccessKey ID（LTAI…）</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="155"/>
        <location filename="../../ui/profile_dialog.py" line="215"/>
        <source>Kept only in the system keychain, never in the profile file</source>
        <translation>只保存在系统钥匙串中，绝不写入配置文件</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="158"/>
        <source>Your team&apos;s AppServer, which hands out upload credentials or STS tokens</source>
        <translation>团队的 AppServer，用于发放上传凭证或 STS 令牌</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="162"/>
        <source>The token the AppServer expects; kept only in the system keychain</source>
        <translation>AppServer 要求的令牌；只保存在系统钥匙串中</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="163"/>
        <source>Checking the keychain…</source>
        <translation>正在检查钥匙串…</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="166"/>
        <source>AccessKey &amp;ID:</source>
        <translation>AccessKey ID(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="167"/>
        <source>AccessKey s&amp;ecret:</source>
        <translation>AccessKey Secret(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="168"/>
        <source>AppServer &amp;URL:</source>
        <translation>AppServer 地址(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="169"/>
        <source>AppServer &amp;token:</source>
        <translation>AppServer 令牌(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="172"/>
        <source>STS role</source>
        <translation>STS 角色</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="176"/>
        <source>The RAM role to assume; copy its ARN from the RAM console</source>
        <translation>要扮演的 RAM 角色；请从 RAM 控制台复制其 ARN</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="178"/>
        <source>RoleSessionName: 2-64 letters, digits, &apos;.&apos;, &apos;@&apos;, &apos;_&apos; or &apos;-&apos;; it appears in the audit log</source>
        <translation>RoleSessionName：2-64 个字母、数字、&apos;.&apos;、&apos;@&apos;、&apos;_&apos; 或 &apos;-&apos;；会出现在审计日志中</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="183"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="184"/>
        <source>DurationSeconds: how long each token is valid (900-3600); vodgui renews it before it expires</source>
        <translation>DurationSeconds：每个令牌的有效时长（900-3600）；vodgui 会在过期前自动续期</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="187"/>
        <source>Role&amp;Arn:</source>
        <translation>RoleArn(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="188"/>
        <source>Session na&amp;me:</source>
        <translation>会话名称(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="189"/>
        <source>&amp;Duration:</source>
        <translation>有效期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="190"/>
        <source>Session &amp;policy:</source>
        <translation>会话策略(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="198"/>
        <source>Leave empty for the region&apos;s public VOD endpoint</source>
        <translation>留空则使用该地域的公网点播 Endpoint</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="200"/>
        <source>Leave empty for the region&apos;s STS endpoint</source>
        <translation>留空则使用该地域的 STS Endpoint</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="233"/>
        <source>&amp;VOD endpoint:</source>
        <translation>点播 Endpoint(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="234"/>
        <source>S&amp;TS endpoint:</source>
        <translation>STS Endpoint(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="235"/>
        <source>Pro&amp;xy:</source>
        <translation>代理(&amp;X)：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="242"/>
        <source>Upload acceleration</source>
        <translation>上传加速</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="244"/>
        <source>Send uploads through OSS transfer &amp;acceleration</source>
        <translation>通过 OSS 传输加速上传(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="247"/>
        <source>Each upload asks VOD for acceleration (AccelerateConfig in its UserData) and sends the file to the accelerate endpoint instead of the region&apos;s. Faster over long distances, but billed as upload acceleration per GB. Alibaba Cloud must first enable it for the account and its storage bucket (a ticket); until then uploads fail with a message saying so.</source>
        <translation>每次上传都会向点播请求加速（在 UserData 中加入 AccelerateConfig），并把文件发送到加速域名而不是地域域名。远距离上传更快，但按 GB 收取上传加速费用。须先由阿里云为账号及其存储地址开通（提交工单）；开通前上传会失败并提示原因。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="255"/>
        <source>oss-accelerate.aliyuncs.com: global; oss-accelerate-overseas.aliyuncs.com: for uploads from outside mainland China</source>
        <translation>oss-accelerate.aliyuncs.com：全球加速；oss-accelerate-overseas.aliyuncs.com：适用于从中国内地以外上传</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="259"/>
        <source>Billed per GB as upload acceleration. Alibaba Cloud enables it for the account first (a ticket).</source>
        <translation>按 GB 收取上传加速费用。须先由阿里云为账号开通（提交工单）。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="261"/>
        <source>Acceleration &amp;endpoint:</source>
        <translation>加速域名(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="266"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="279"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="281"/>
        <source>Delete this profile and its secret in the keychain</source>
        <translation>删除此配置及其在钥匙串中的密钥</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="473"/>
        <source>VOD issues a credential for each video. Simple: the key only needs VOD upload permission.</source>
        <translation>由视频点播为每个视频签发上传凭证。简单：密钥只需点播上传权限。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="476"/>
        <source>vodgui calls the VOD API with a temporary STS token. Needs a RAM role and, optionally, a session policy.</source>
        <translation>vodgui 使用 STS 临时凭证调用点播 API。需要一个 RAM 角色，会话策略可选。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="479"/>
        <source>The sandbox&apos;s own AccessKey signs the calls (its RAM user&apos;s, in STS mode).</source>
        <translation>由沙箱自带的 AccessKey 签名调用（STS 模式下为其 RAM 用户的 AccessKey）。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="481"/>
        <source>The sandbox&apos;s built-in AppServer hands out the credentials.</source>
        <translation>由沙箱内置的 AppServer 发放凭证。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="483"/>
        <source>Your AccessKey ID is kept in the profile and the secret in the system keychain.</source>
        <translation>AccessKey ID 保存在配置中，Secret 保存在系统钥匙串中。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="486"/>
        <source>Your team&apos;s AppServer hands out the credentials; you keep only its URL and a token.</source>
        <translation>由团队的 AppServer 发放凭证；您只需保存其地址和令牌。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="535"/>
        <location filename="../../ui/profile_dialog.py" line="536"/>
        <source>default: {0}</source>
        <translation>默认：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="571"/>
        <source>✗ No usable keychain: {0}. vodgui keeps secrets only in the system keychain, never in a file, so it cannot save this secret. Start or unlock your keychain (GNOME Keyring, KWallet).</source>
        <translation>✗ 没有可用的钥匙串：{0}。vodgui 只把密钥保存在系统钥匙串中，绝不写入文件，因此无法保存此密钥。请启动或解锁钥匙串（GNOME Keyring、KWallet）。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="574"/>
        <source>cannot be stored: no keychain</source>
        <translation>无法保存：没有钥匙串</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="580"/>
        <source>Stored in {0}. Leave the field empty to keep it.</source>
        <translation>已保存在 {0} 中。留空则保持不变。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="578"/>
        <location filename="../../ui/profile_dialog.py" line="582"/>
        <source>unchanged (stored in the keychain)</source>
        <translation>不变（已保存在钥匙串中）</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="195"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="202"/>
        <source>System settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="203"/>
        <source>No proxy</source>
        <translation>不使用代理</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="204"/>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="205"/>
        <source>PAC file</source>
        <translation>PAC 文件</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="207"/>
        <source>System settings: the operating system&apos;s proxy and its automatic configuration (PAC/WPAD), NO_PROXY honoured. The choice applies to every connection of this profile: VOD, STS, OSS, AppServer.</source>
        <translation>系统设置：使用操作系统的代理及其自动配置（PAC/WPAD），并遵循 NO_PROXY。此选择适用于该配置的所有连接：VOD、STS、OSS 和 AppServer。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="211"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="212"/>
        <source>Only if the proxy asks for a login</source>
        <translation>仅当代理要求登录时填写</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="217"/>
        <source>e.g. .corp.example.com, 10.0.0.0/8</source>
        <translation>例如 .corp.example.com, 10.0.0.0/8</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="218"/>
        <source>Hosts, domains and networks reached without the proxy, separated by commas</source>
        <translation>不经过代理直接访问的主机、域名和网段，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="221"/>
        <source>none: the system&apos;s trusted certificates</source>
        <translation>无：使用系统信任的证书</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="223"/>
        <source>A PEM file with a CA certificate to trust in addition to the operating system&apos;s, e.g. the one your company uses to inspect HTTPS. Certificates are always verified.</source>
        <translation>除操作系统信任的证书外，额外信任的 CA 证书（PEM 文件），例如公司用于检查 HTTPS 的证书。证书始终会被验证。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="225"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="236"/>
        <location filename="../../ui/profile_dialog.py" line="510"/>
        <source>Proxy address:</source>
        <translation>代理地址：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="237"/>
        <source>Proxy user:</source>
        <translation>代理用户：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="238"/>
        <source>Proxy password:</source>
        <translation>代理密码：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="239"/>
        <source>Bypass proxy for:</source>
        <translation>不走代理：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="240"/>
        <source>Extra CA certificate:</source>
        <translation>额外 CA 证书：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="510"/>
        <source>PAC address:</source>
        <translation>PAC 地址：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="513"/>
        <source>The address (or file path) of the proxy auto-configuration file</source>
        <translation>代理自动配置（PAC）文件的地址或文件路径</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="516"/>
        <source>http://, https:// or socks5://host:port, without the password</source>
        <translation>http://、https:// 或 socks5://主机:端口，不含密码</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="528"/>
        <source>Extra CA certificate</source>
        <translation>额外 CA 证书</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="529"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="584"/>
        <source>Will be stored in {0}, never in the profile file.</source>
        <translation>将保存在 {0} 中，绝不写入配置文件。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="646"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="658"/>
        <source>Profile {0} saved; its secret is stored in {1}.</source>
        <translation>配置 {0} 已保存；其密钥保存在 {1} 中。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="660"/>
        <source>Profile {0} saved.</source>
        <translation>配置 {0} 已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="677"/>
        <source>Not saved: there is no usable keychain, and vodgui never writes secrets to a file. Start or unlock your keychain (GNOME Keyring, KWallet), then save again.</source>
        <translation>未保存：没有可用的钥匙串，而 vodgui 绝不把密钥写入文件。请启动或解锁钥匙串（GNOME Keyring、KWallet）后再保存。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="680"/>
        <source>AccessKey secret</source>
        <translation>AccessKey Secret</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="680"/>
        <source>AppServer token</source>
        <translation>AppServer 令牌</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="681"/>
        <source>Enter the {0}: it is kept in the system keychain, never in the profile file.</source>
        <translation>请输入 {0}：它只保存在系统钥匙串中，绝不写入配置文件。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="695"/>
        <source>Delete profile</source>
        <translation>删除配置</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="696"/>
        <source>Delete the profile {0} and its secret in the keychain? Uploads queued with it cannot continue.</source>
        <translation>要删除配置 {0} 及其在钥匙串中的密钥吗？使用该配置排队的上传将无法继续。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="705"/>
        <source>Deleting…</source>
        <translation>正在删除…</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="717"/>
        <source>Profile {0} deleted.</source>
        <translation>配置 {0} 已删除。</translation>
    </message>
</context>
<context>
    <name>QueueAnnouncements</name>
    <message>
        <location filename="../../ui/announce.py" line="143"/>
        <source>{0} failed: {1}</source>
        <translation>{0} 上传失败：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/announce.py" line="144"/>
        <source>{0} failed</source>
        <translation>{0} 上传失败</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/announce.py" line="146"/>
        <source>%n file(s) failed to upload</source>
        <translation>
            <numerusform>%n 个文件上传失败</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/announce.py" line="155"/>
        <source>{0} uploaded</source>
        <translation>{0} 已上传</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/announce.py" line="156"/>
        <source>%n file(s) uploaded</source>
        <translation>
            <numerusform>已上传 %n 个文件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/queue_model.py" line="55"/>
        <source>Queued</source>
        <extracomment>Marked for lupdate here, translated when a model is built (:func:`state_label`).</extracomment>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="56"/>
        <source>Preparing</source>
        <translation>准备中</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="57"/>
        <source>Uploading</source>
        <translation>上传中</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="58"/>
        <source>Completing</source>
        <translation>正在完成</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="59"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="60"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="61"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="62"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="73"/>
        <source>{0} (offline)</source>
        <translation>{0}（离线）</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="78"/>
        <source>Sandbox — offline, nothing leaves this computer</source>
        <translation>沙箱 — 离线，任何内容都不会离开本机</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="142"/>
        <source>File</source>
        <extracomment>Where the State column&apos;s text is drawn (a selected row uses the palette&apos;s highlighted text instead).</extracomment>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="142"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="142"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="142"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="142"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="143"/>
        <source>ETA</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="143"/>
        <source>VideoId</source>
        <translation>VideoId</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="143"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="143"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="237"/>
        <source>{0}% done</source>
        <translation>已完成 {0}%</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="240"/>
        <source>, </source>
        <comment>between the parts of a spoken queue row</comment>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="249"/>
        <source>{0} left</source>
        <translation>剩余 {0}</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../ui/queue_view.py" line="91"/>
        <source>Upload queue</source>
        <extracomment>Columns always shown, with their narrowest width in average characters (State is widened to its longest label in the current language). File and Error share what is left. Shown, in this order, while the view is wide enough; their values are in the Details panel and tooltips too. Extra room beyond the narrowest widths, by column: most to File and Error.</extracomment>
        <translation>上传队列</translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="263"/>
        <source>Drop videos here or press {0}</source>
        <translation>将视频拖放到此处，或按 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="264"/>
        <source>Folders are searched for video and audio files, including subfolders. Hold Shift while dropping to keep them in the queue until you press Start.</source>
        <translation>添加文件夹时，会在其中（包括子文件夹）查找视频和音频文件。拖放时按住 Shift，文件会留在队列中，等你按“开始”后再上传。</translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="267"/>
        <source>Loading the queue of your last session…</source>
        <translation>正在载入上次会话的队列…</translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="268"/>
        <source>Files you drop now are added once it is loaded.</source>
        <translation>现在拖入的文件会在载入完成后加入队列。</translation>
    </message>
</context>
<context>
    <name>Sentences</name>
    <message>
        <location filename="../../ui/texts.py" line="41"/>
        <source>{0} {1}</source>
        <comment>two sentences in a row</comment>
        <translation>{0}{1}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="157"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="158"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="159"/>
        <source>Uploads</source>
        <translation>上传</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="160"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="161"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="162"/>
        <source>The language of vodgui&apos;s windows</source>
        <translation>vodgui 界面的语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="163"/>
        <source>The new language applies to every window when you press Save.</source>
        <translation>按“保存”后，新语言会应用到所有窗口。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="164"/>
        <source>&amp;Appearance:</source>
        <translation>外观(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="165"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="165"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="165"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="166"/>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="168"/>
        <source>Colours of vodgui&apos;s windows: the system&apos;s, or light, dark or high contrast. Applies when you press Save.</source>
        <translation>vodgui 窗口的配色：跟随系统，或浅色、深色、高对比度。按“保存”后生效。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="172"/>
        <source>&amp;Resume unfinished uploads automatically after a restart</source>
        <translation>重启后自动继续未完成的上传(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="173"/>
        <source>Otherwise they wait, paused, until you resume them</source>
        <translation>否则它们将保持暂停，直到您手动继续</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="174"/>
        <source>Accept &amp;all file types when adding folders</source>
        <translation>添加文件夹时接受所有文件类型(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="175"/>
        <source>Otherwise only video and audio files VOD accepts are added</source>
        <translation>否则只添加视频点播支持的视频和音频文件</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="176"/>
        <source>&amp;Hold new files until I press Start</source>
        <translation>新文件等我按“开始”后再上传(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="177"/>
        <source>Added files wait, paused, so their title and other details can be set before anything is created in VOD</source>
        <translation>添加的文件先暂停等待，以便在点播中创建任何内容之前设置标题等详细信息</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="179"/>
        <source>&amp;Notify when a batch of uploads finishes or fails</source>
        <translation>一批上传完成或失败时发送通知(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="180"/>
        <source>&amp;History refresh:</source>
        <translation>历史记录刷新间隔(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="181"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="182"/>
        <source>How often the History page asks VOD for the status of recent videos</source>
        <translation>“历史记录”页向视频点播查询近期视频状态的频率</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="183"/>
        <source>Updates</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="184"/>
        <source>Look for new &amp;versions once a day</source>
        <translation>每天检查一次新版本(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="185"/>
        <source>vodgui reads a signed release feed and shows a notice with a download link. It never downloads or installs anything by itself.</source>
        <translation>vodgui 读取经过签名的发布源，并显示带下载链接的通知。它从不自行下载或安装任何东西。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="187"/>
        <source>Release &amp;feed:</source>
        <translation>发布源(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="188"/>
        <source>Leave empty for vodgui&apos;s own releases, or enter your company&apos;s mirror of them</source>
        <translation>留空则使用 vodgui 官方发布源，或填写贵公司的内部镜像</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="171"/>
        <location filename="../../ui/settings_dialog.py" line="191"/>
        <source>Set by the {0} environment variable.</source>
        <translation>由环境变量 {0} 设置。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="193"/>
        <source>A mirror serves the same signed files; vodgui refuses a feed that is not signed by the release key.</source>
        <translation>镜像提供相同的已签名文件；未经发布密钥签名的发布源会被 vodgui 拒绝。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="195"/>
        <source>Check &amp;now</source>
        <translation>立即检查(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="234"/>
        <source>The release feed address must start with https:// or http://.</source>
        <translation>发布源地址必须以 https:// 或 http:// 开头。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="244"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/keyboard.py" line="411"/>
        <location filename="../../ui/keyboard.py" line="417"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="412"/>
        <source>Every action has a menu entry; these keys do it directly. The page menu (Queue, History, Playback, Log, Watch) and its keys belong to the page that shows.</source>
        <translation>每个操作都有菜单项；这些按键可直接执行。页面菜单（队列、历史记录、播放、日志、监控文件夹）及其按键属于当前显示的页面。</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="419"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="419"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard.py" line="430"/>
        <source>Moving around</source>
        <translation>移动焦点</translation>
    </message>
</context>
<context>
    <name>TransferPanel</name>
    <message>
        <location filename="../../ui/transfer_panel.py" line="63"/>
        <source>How many files upload at the same time. Applies immediately.</source>
        <translation>同时上传的文件数。立即生效。</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="66"/>
        <source>How many parts of one file upload in parallel. Applies to uploads that start after the change.</source>
        <translation>单个文件并发上传的分片数。对修改后开始的上传生效。</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="70"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="71"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="72"/>
        <source>Size of each part of a multipart upload. Automatic picks 8 MiB, larger for very large files (OSS allows at most 10,000 parts).</source>
        <translation>分片上传时每个分片的大小。“自动”为 8 MiB，超大文件会更大（OSS 最多允许 10,000 个分片）。</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="76"/>
        <source>How often a failed request is retried, with growing pauses, before the item fails.</source>
        <translation>请求失败后的重试次数（间隔逐渐加长），用完后该项标记为失败。</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="82"/>
        <source> MB/s</source>
        <translation> MB/s</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="83"/>
        <source>Unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="84"/>
        <source>Upper limit for all uploads together; 0 means unlimited. Applies immediately.</source>
        <translation>所有上传合计的速度上限；0 表示不限。立即生效。</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="86"/>
        <source>&amp;Adapt connections to the link</source>
        <translation>按链路自动调整连接数(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="88"/>
        <source>Measure throughput and open more connections while it rises; fewer after errors or throttling. Off: parallel parts × files at once, fixed. Applies immediately.</source>
        <translation>测量吞吐量：吞吐量上升时增加连接，出错或被限流时减少。关闭时连接数固定为“并行分片 × 同时上传文件数”。立即生效。</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="94"/>
        <source>The most connections the adaptive mode opens at once. Applies immediately.</source>
        <translation>自动调整模式下同时打开的最大连接数。立即生效。</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="98"/>
        <source>e.g. 08:00,4M 18:00,off</source>
        <translation>例如 08:00,4M 18:00,off</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="99"/>
        <source>A bandwidth limit by time of day: from 08:00 4 MiB/s, from 18:00 unlimited. Replaces the limit above while set. Applies immediately.</source>
        <translation>按时段限速：例如 08:00 起 4 MiB/s，18:00 起不限速。设置后取代上面的带宽上限。立即生效。</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="119"/>
        <source>Files at once, connections, the bandwidth limit and the schedule change running uploads too. Parallel parts, part size and retries apply to uploads that start afterwards.</source>
        <translation>“同时上传文件数”、连接数、带宽限制和带宽时间表对正在进行的上传也会生效。分片并发数、分片大小和重试次数对之后开始的上传生效。</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="130"/>
        <source>&amp;Files at once:</source>
        <translation>同时上传文件数(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="130"/>
        <source>&amp;Parallel parts:</source>
        <translation>分片并发数(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="131"/>
        <source>Part si&amp;ze:</source>
        <translation>分片大小(&amp;Z)：</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="131"/>
        <source>&amp;Retries:</source>
        <translation>重试次数(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="132"/>
        <source>&amp;Bandwidth limit:</source>
        <translation>带宽限制(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="132"/>
        <source>Bandwidth &amp;schedule:</source>
        <translation>带宽时间表(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="133"/>
        <source>&amp;Maximum connections:</source>
        <translation>最大连接数(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="175"/>
        <source>Transfer settings of profile “{0}”</source>
        <translation>配置“{0}”的传输设置</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="176"/>
        <source>No profile selected</source>
        <translation>未选择配置</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="242"/>
        <source>Connections: {0} in flight, limit {1} (adaptive, at most {2})</source>
        <translation>连接：{0} 个进行中，上限 {1}（自动调整，最多 {2}）</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="245"/>
        <source>Connections: {0} in flight, limit {1} (fixed)</source>
        <translation>连接：{0} 个进行中，上限 {1}（固定）</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="247"/>
        <source>bandwidth limit now {0}/s</source>
        <translation>当前带宽上限 {0}/s</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="270"/>
        <source>Saved in profile “{0}”.</source>
        <translation>已保存到配置“{0}”。</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_panel.py" line="275"/>
        <source>The settings could not be saved: {0}</source>
        <translation>无法保存设置：{0}</translation>
    </message>
</context>
<context>
    <name>UpdateBar</name>
    <message>
        <location filename="../../ui/update_notice.py" line="114"/>
        <source>&lt;b&gt;Look for new versions of vodgui once a day?&lt;/b&gt; vodgui reads a signed release feed and tells you when a new version is out. It never downloads or installs anything by itself. You can change this in Settings.</source>
        <translation>&lt;b&gt;每天检查一次 vodgui 的新版本吗？&lt;/b&gt;vodgui 会读取经过签名的发布源，在新版本发布时通知您。它从不自行下载或安装任何东西。您可以在“设置”中更改此选项。</translation>
    </message>
    <message>
        <location filename="../../ui/update_notice.py" line="117"/>
        <source>Check daily</source>
        <translation>每天检查</translation>
    </message>
    <message>
        <location filename="../../ui/update_notice.py" line="118"/>
        <source>No, thanks</source>
        <translation>不用了</translation>
    </message>
    <message>
        <location filename="../../ui/update_notice.py" line="124"/>
        <source>vodgui {0} is available</source>
        <translation>vodgui {0} 已发布</translation>
    </message>
    <message>
        <location filename="../../ui/update_notice.py" line="125"/>
        <source>You have {0}; released {1}.</source>
        <translation>当前版本 {0}；发布于 {1}。</translation>
    </message>
    <message>
        <location filename="../../ui/update_notice.py" line="132"/>
        <source>Download…</source>
        <translation>下载…</translation>
    </message>
    <message>
        <location filename="../../ui/update_notice.py" line="134"/>
        <source>Not now</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <location filename="../../ui/update_notice.py" line="135"/>
        <source>Hide this notice until a newer version comes out</source>
        <translation>在更新的版本发布之前不再显示此通知</translation>
    </message>
</context>
<context>
    <name>UpdateCheck</name>
    <message>
        <location filename="../../ui/update_notice.py" line="174"/>
        <source>vodgui {0} is available.</source>
        <translation>vodgui {0} 已发布。</translation>
    </message>
    <message>
        <location filename="../../ui/update_notice.py" line="176"/>
        <source>vodgui {0} is the newest release.</source>
        <translation>vodgui {0} 已是最新版本。</translation>
    </message>
    <message>
        <location filename="../../ui/update_notice.py" line="178"/>
        <source>The release feed was refused: it is not signed.</source>
        <translation>已拒绝发布源：它没有签名。</translation>
    </message>
    <message>
        <location filename="../../ui/update_notice.py" line="180"/>
        <source>The release feed was refused: its signature is not from the vodgui release key.</source>
        <translation>已拒绝发布源：其签名并非来自 vodgui 发布密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/update_notice.py" line="182"/>
        <source>The release feed was refused: it is not a feed this version can read.</source>
        <translation>已拒绝发布源：此版本无法读取该发布源的格式。</translation>
    </message>
    <message>
        <location filename="../../ui/update_notice.py" line="184"/>
        <source>The release feed was refused: it offers an older version than this one.</source>
        <translation>已拒绝发布源：它提供的版本比当前版本更旧。</translation>
    </message>
    <message>
        <location filename="../../ui/update_notice.py" line="186"/>
        <source>The release feed was refused: it is far larger than a feed can be.</source>
        <translation>已拒绝发布源：它远远超出发布源应有的大小。</translation>
    </message>
    <message>
        <location filename="../../ui/update_notice.py" line="188"/>
        <source>The release feed was refused: it arrived incomplete.</source>
        <translation>已拒绝发布源：接收到的内容不完整。</translation>
    </message>
    <message>
        <location filename="../../ui/update_notice.py" line="190"/>
        <source>The release feed&apos;s certificate is not trusted by this computer. Ask IT to install the company&apos;s CA certificate in the system.</source>
        <translation>此计算机不信任发布源的证书。请联系 IT 部门将公司的 CA 证书安装到系统中。</translation>
    </message>
    <message>
        <location filename="../../ui/update_notice.py" line="193"/>
        <source>The release feed address must start with https:// or http://.</source>
        <translation>发布源地址必须以 https:// 或 http:// 开头。</translation>
    </message>
    <message>
        <location filename="../../ui/update_notice.py" line="195"/>
        <source>The release feed could not be read: the server answered with an error. Check the address.</source>
        <translation>无法读取发布源：服务器返回了错误。请检查地址。</translation>
    </message>
    <message>
        <location filename="../../ui/update_notice.py" line="199"/>
        <source>The release feed could not be reached. Check the address and the network.</source>
        <translation>无法连接到发布源。请检查地址和网络。</translation>
    </message>
</context>
<context>
    <name>UploadPage</name>
    <message>
        <location filename="../../ui/upload_page.py" line="134"/>
        <source>Details</source>
        <extracomment>Failures a retry cannot mend: the file itself is the problem (the row says what to do instead). Kinds whose id is a VideoId the Playback page can check (images and attached media are not played). Mass actions (pause, start, cancel… of a big selection) are applied this many items at a time. Selections of this many rows are read after the event loop&apos;s next turn (see UploadPage._on_selection_changed). The queue of the last session is loaded and its rows are in the model (see :meth:`load_queue`).</extracomment>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="135"/>
        <source>Transfer</source>
        <translation>传输</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="136"/>
        <source>Title, description, tags and other metadata of the selected items</source>
        <translation>所选项目的标题、描述、标签等元数据</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="137"/>
        <source>Parallel uploads, part size, retries and the bandwidth limit of the current profile</source>
        <translation>当前配置的并发上传数、分片大小、重试次数和带宽限制</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="229"/>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="245"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="245"/>
        <source>Choose video or audio files to upload</source>
        <translation>选择要上传的视频或音频文件</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="247"/>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="247"/>
        <source>Upload every video and audio file in a folder and its subfolders</source>
        <translation>上传文件夹及其子文件夹中的所有视频和音频文件</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="253"/>
        <source>Add files, held until Start…</source>
        <translation>添加文件，等按“开始”再上传…</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="254"/>
        <source>Choose files; they wait in the queue, paused, so you can set their details before Start</source>
        <translation>选择文件；它们在队列中暂停等待，可在按“开始”前设置详细信息</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="257"/>
        <source>Add folder, held until Start…</source>
        <translation>添加文件夹，等按“开始”再上传…</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="258"/>
        <source>Choose a folder; its files wait in the queue, paused, so you can set their details before Start</source>
        <translation>选择文件夹；其中的文件在队列中暂停等待，可在按“开始”前设置详细信息</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="261"/>
        <source>Add files and start now…</source>
        <translation>添加文件并立即上传…</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="262"/>
        <source>Choose files; they start uploading at once, even when new files are held (Settings)</source>
        <translation>选择文件；即使设置了暂留新文件，它们也会立即开始上传（见设置）</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="265"/>
        <source>Add folder and start now…</source>
        <translation>添加文件夹并立即上传…</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="266"/>
        <source>Choose a folder; its files start uploading at once, even when new files are held (Settings)</source>
        <translation>选择文件夹；即使设置了暂留新文件，其中的文件也会立即开始上传（见设置）</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="268"/>
        <source>Add URL…</source>
        <translation>添加 URL…</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="268"/>
        <source>Have VOD fetch files from web addresses (upload by URL)</source>
        <translation>让视频点播从网址拉取文件（URL 拉取上传）</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="271"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="271"/>
        <source>Start or resume the selected paused or failed items</source>
        <translation>开始或继续所选的已暂停或失败的项目</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="274"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="274"/>
        <source>Pause the selected items; they continue where they stopped</source>
        <translation>暂停所选项目；之后会从中断处继续</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="277"/>
        <source>Pause or resume</source>
        <translation>暂停或继续</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="277"/>
        <source>Pause the selection, or resume it when it is paused</source>
        <translation>暂停所选项目；若已暂停则继续</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="280"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="280"/>
        <source>Try the selected failed items again, keeping the parts already uploaded</source>
        <translation>重试所选的失败项目，保留已上传的分片</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="283"/>
        <source>Cancel…</source>
        <translation>取消…</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="283"/>
        <source>Stop the selected uploads for good and discard what was sent</source>
        <translation>彻底停止所选上传，并丢弃已发送的数据</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="286"/>
        <location filename="../../ui/upload_page.py" line="715"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="286"/>
        <source>Remove the selected items from the queue (finished uploads stay in the history)</source>
        <translation>从队列中移除所选项目（已完成的上传仍保留在历史记录中）</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="290"/>
        <source>Copy VideoId</source>
        <translation>复制 VideoId</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="290"/>
        <source>Copy the VideoIds of the selected items</source>
        <translation>复制所选项目的 VideoId</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="292"/>
        <source>Open in Playback</source>
        <translation>在播放页打开</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="292"/>
        <source>Check playback of the selected uploaded videos</source>
        <translation>检查所选已上传视频的播放</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="295"/>
        <location filename="../../ui/upload_page.py" line="337"/>
        <source>Resume all</source>
        <translation>全部继续</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="295"/>
        <source>Resume every paused item</source>
        <translation>继续所有已暂停的项目</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="297"/>
        <source>Clear finished</source>
        <translation>清除已完成</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="297"/>
        <source>Remove finished and cancelled items from the queue (the History page keeps them)</source>
        <translation>从队列中移除已完成和已取消的项目（“历史记录”页仍会保留）</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="302"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="340"/>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="341"/>
        <source>Keep them paused; start them later with Start or Resume all</source>
        <translation>保持暂停；稍后可用“开始”或“全部继续”启动</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="368"/>
        <source>{0} unfinished uploads from your last session are paused. They continue where they stopped.</source>
        <translation>上次运行时有 {0} 个未完成的上传，现已暂停。继续后将从中断处接着上传。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="481"/>
        <source>All done: %n item(s) uploaded</source>
        <translation>
            <numerusform>全部完成：已上传 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="484"/>
        <source>%n uploading</source>
        <translation>
            <numerusform>%n 个上传中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="485"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 个等待中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="486"/>
        <source>%n paused</source>
        <translation>
            <numerusform>%n 个已暂停</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="487"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="488"/>
        <source>%n done</source>
        <translation>
            <numerusform>%n 个完成</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="490"/>
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n 个已取消</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="492"/>
        <source>Loading the queue…</source>
        <translation>正在载入队列…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="605"/>
        <source>Added %n file(s) to the queue; they wait, paused, until you press Start.</source>
        <translation>
            <numerusform>已将 %n 个文件加入队列；它们会暂停等待，直到你按“开始”。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="612"/>
        <source>Skipped %n file(s) uploaded before to this account.</source>
        <translation>
            <numerusform>已跳过 %n 个之前上传到此账号的文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="616"/>
        <source>Left out %n file(s) in folders that are not video or audio (Settings can allow all files).</source>
        <translation>
            <numerusform>已略过文件夹中 %n 个不是视频或音频的文件（可在设置中允许所有文件）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="618"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="622"/>
        <source>Not added, as %n item(s) could only fail:</source>
        <translation>
            <numerusform>有 %n 项未添加，因为它们只会失败：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="698"/>
        <source>The image VOD made for it is deleted (DeleteImage): %n image(s).</source>
        <translation>
            <numerusform>点播为其创建的图片会被删除（DeleteImage）：%n 张图片。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="700"/>
        <source>The attached media VOD made for it is deleted (DeleteAttachedMedia): %n file(s).</source>
        <translation>
            <numerusform>点播为其创建的辅助媒资会被删除（DeleteAttachedMedia）：%n 个文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="724"/>
        <source>Copied %n VideoId(s).</source>
        <translation>
            <numerusform>已复制 %n 个 VideoId。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="777"/>
        <source>Saving the details in VOD for %n video(s)…</source>
        <translation>
            <numerusform>正在点播中保存 %n 个视频的详细信息…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="493"/>
        <source>The queue is empty</source>
        <translation>队列为空</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="509"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="510"/>
        <source>Add files to the queue</source>
        <translation>添加文件到队列</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="516"/>
        <source>Add a folder to the queue</source>
        <translation>添加文件夹到队列</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="545"/>
        <source>Added 1 URL to the queue.</source>
        <translation>已将 1 个 URL 加入队列。</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="508"/>
        <source>Media files ({0})</source>
        <translation>媒体文件（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="508"/>
        <source>Images ({0})</source>
        <translation>图片（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="509"/>
        <source>HLS playlists (*.m3u8)</source>
        <translation>HLS 播放列表 (*.m3u8)</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="538"/>
        <source>Choose or create a profile first: new files upload with the current profile.</source>
        <translation>请先选择或新建配置：新文件会使用当前配置上传。</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="546"/>
        <source>Added {0} URLs to the queue.</source>
        <translation>已将 {0} 个 URL 加入队列。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="548"/>
        <location filename="../../ui/upload_page.py" line="614"/>
        <source>Already in the queue: %n file(s).</source>
        <translation>
            <numerusform>已在队列中：%n 个文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="581"/>
        <source>Uploading the cover image {0}; it becomes the cover of %n video(s) when it is done.</source>
        <translation>
            <numerusform>正在上传封面图片 {0}；完成后将成为 %n 个视频的封面。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="608"/>
        <source>Added %n file(s) to the queue.</source>
        <translation>
            <numerusform>已将 %n 个文件加入队列。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="610"/>
        <source>Added %n subtitle file(s).</source>
        <translation>
            <numerusform>已添加 %n 个字幕文件。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="624"/>
        <source>No video or audio files were found.</source>
        <translation>未找到视频或音频文件。</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="632"/>
        <source>not a video, audio or image file VOD takes</source>
        <translation>不是点播接受的视频、音频或图片文件</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="633"/>
        <source>empty (0 bytes)</source>
        <translation>空文件（0 字节）</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="634"/>
        <source>cannot be read (check its permissions)</source>
        <translation>无法读取（请检查权限）</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="635"/>
        <source>no longer exists</source>
        <translation>已不存在</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="636"/>
        <source>a folder with no video or audio files</source>
        <translation>文件夹中没有视频或音频文件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="689"/>
        <source>Cancel %n upload(s)? What was sent is discarded.</source>
        <translation>
            <numerusform>取消 %n 个上传吗？已发送的内容将被丢弃。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="695"/>
        <source>The placeholder video VOD made for it is deleted (DeleteVideo): %n video(s).</source>
        <translation>
            <numerusform>点播为其创建的占位视频会被删除（DeleteVideo）：%n 个视频。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="702"/>
        <source>You can queue a cancelled item again with Start; it starts from the beginning.</source>
        <translation>已取消的项目可以用“开始”重新加入队列，将从头开始上传。</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="703"/>
        <source>Cancel uploads</source>
        <translation>取消上传</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="713"/>
        <source>Remove items</source>
        <translation>移除项目</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="714"/>
        <source>{0} of the selected items are uploading. Removing them cancels their uploads.</source>
        <translation>所选项目中有 {0} 个正在上传。移除会取消这些上传。</translation>
    </message>
    <message>
        <location filename="../../ui/upload_page.py" line="744"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>UrlSignPanel</name>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="365"/>
        <source>The URL to sign (an existing signature is replaced) or to verify</source>
        <translation>要签名（会替换已有签名）或校验的地址</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="368"/>
        <source>The authentication type configured on the play domain</source>
        <translation>播放域名上配置的鉴权方式</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="372"/>
        <source>The domain&apos;s private key (CDN console, URL signing)</source>
        <translation>域名的鉴权密钥（CDN 控制台 › URL 鉴权）</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="373"/>
        <source>Private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="375"/>
        <source>Sandbox key</source>
        <translation>沙箱密钥</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="376"/>
        <source>Use the built-in sandbox&apos;s play-domain key</source>
        <translation>使用内置沙箱播放域名的密钥</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="380"/>
        <location filename="../../ui/playback_lab_tabs.py" line="400"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="381"/>
        <source>Seconds until the signed URL expires (timestamp = now + this)</source>
        <translation>签名地址过期前的秒数（时间戳 = 现在 + 此值）</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="383"/>
        <source>Type A uid (normally 0)</source>
        <translation>A 方式的 uid（通常为 0）</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="385"/>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="386"/>
        <source>Type A rand (empty: a random UUID without hyphens)</source>
        <translation>A 方式的 rand（留空：不含连字符的随机 UUID）</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="387"/>
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="388"/>
        <source>Verify</source>
        <translation>校验</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="389"/>
        <source>Check the URL above with the key, as the CDN would</source>
        <translation>像 CDN 那样用密钥校验上面的地址</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="390"/>
        <source>Try on the CDN</source>
        <translation>在 CDN 上试试</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="391"/>
        <source>Request the first byte of the signed URL and show the HTTP answer</source>
        <translation>请求签名地址的第一个字节并显示 HTTP 应答</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="395"/>
        <source>Signed URL</source>
        <translation>签名后的 URL</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="397"/>
        <source>optional: the URL as it was issued, to say what changed</source>
        <translation>可选：签发时的原始地址，用来指出改动了什么</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="401"/>
        <source>The domain&apos;s own validity period, added to the URL&apos;s timestamp</source>
        <translation>域名自身的有效时长，加在地址的时间戳上</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="409"/>
        <source>uid:</source>
        <translation>uid：</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="411"/>
        <source>rand:</source>
        <translation>rand：</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="414"/>
        <source>URL:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="415"/>
        <source>Type:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="416"/>
        <source>Private key:</source>
        <translation>鉴权密钥：</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="417"/>
        <source>Expires in:</source>
        <translation>过期时间：</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="418"/>
        <source>Type A fields:</source>
        <translation>A 方式字段：</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="419"/>
        <source>Issued URL:</source>
        <translation>原始地址：</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="420"/>
        <source>Domain validity:</source>
        <translation>域名有效时长：</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="448"/>
        <source>Signed with type {0}; expires in {1} s.</source>
        <translation>已用 {0} 方式签名；{1} 秒后过期。</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="477"/>
        <source>Asking the server…</source>
        <translation>正在询问服务器…</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="482"/>
        <source>The server could not be reached: {0}</source>
        <translation>无法连接服务器：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/playback_lab_tabs.py" line="485"/>
        <source>The server answered HTTP {0} {1}.</source>
        <translation>服务器应答 HTTP {0} {1}。</translation>
    </message>
</context>
<context>
    <name>VideoDetailsDialog</name>
    <message numerus="yes">
        <location filename="../../ui/video_details_dialog.py" line="104"/>
        <source>Edit %n video(s) in VOD</source>
        <translation>
            <numerusform>在点播中编辑 %n 个视频</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/video_details_dialog.py" line="107"/>
        <source>“{0}” ({1}). Changed fields are saved in VOD with UpdateVideoInfo.</source>
        <translation>“{0}”（{1}）。修改过的字段会通过 UpdateVideoInfo 保存到点播。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/video_details_dialog.py" line="110"/>
        <source>%n videos. Only the fields you change are saved, in every one of them, with UpdateVideoInfo; a field that differs between them shows empty.</source>
        <translation>
            <numerusform>%n 个视频。只有你修改过的字段会通过 UpdateVideoInfo 保存到每个视频中；各视频取值不同的字段显示为空。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/video_details_dialog.py" line="112"/>
        <source>Result for each video</source>
        <translation>每个视频的结果</translation>
    </message>
    <message>
        <location filename="../../ui/video_details_dialog.py" line="113"/>
        <source>&amp;Save in VOD</source>
        <translation>保存到点播(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/video_details_dialog.py" line="114"/>
        <source>Choose cover &amp;image…</source>
        <translation>选择封面图片(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/video_details_dialog.py" line="115"/>
        <source>Upload an image (through the queue) and make it the cover of these videos once it is uploaded</source>
        <translation>（通过队列）上传一张图片，上传完成后设为这些视频的封面</translation>
    </message>
    <message>
        <location filename="../../ui/video_details_dialog.py" line="120"/>
        <location filename="../../ui/video_details_dialog.py" line="128"/>
        <source>Reading the current details from VOD…</source>
        <translation>正在从点播读取当前详细信息…</translation>
    </message>
    <message>
        <location filename="../../ui/video_details_dialog.py" line="130"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/video_details_dialog.py" line="132"/>
        <source>The current details of %n video(s) could not be read; the fields show the others&apos;.</source>
        <translation>
            <numerusform>有 %n 个视频的当前详细信息无法读取；字段显示的是其他视频的值。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/video_details_dialog.py" line="141"/>
        <source>The current details could not be read: {0}</source>
        <translation>无法读取当前详细信息：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/video_details_dialog.py" line="158"/>
        <source>Saving in VOD…</source>
        <translation>正在保存到点播…</translation>
    </message>
    <message>
        <location filename="../../ui/video_details_dialog.py" line="171"/>
        <source>✓ {0}: {1}</source>
        <translation>✓ {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/video_details_dialog.py" line="174"/>
        <source>✗ {0}: {1}</source>
        <translation>✗ {0}：{1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/video_details_dialog.py" line="184"/>
        <source>Saved in VOD: %n video(s).</source>
        <translation>
            <numerusform>已保存到点播：%n 个视频。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/video_details_dialog.py" line="185"/>
        <source>Not saved: %n (see below).</source>
        <translation>
            <numerusform>未保存：%n 个（见下方）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/video_details_dialog.py" line="194"/>
        <source>Nothing was saved: {0}</source>
        <translation>没有保存任何内容：{0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/video_details_dialog.py" line="216"/>
        <source>Uploading the cover image {0} in the queue (Upload page); it becomes the cover of %n video(s) when it is done.</source>
        <translation>
            <numerusform>正在队列中（上传页）上传封面图片 {0}；上传完成后将成为 %n 个视频的封面。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VideoMetaPanel</name>
    <message>
        <location filename="../../ui/playauth_panels.py" line="239"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="267"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="267"/>
        <source>Duration:</source>
        <translation>时长：</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="267"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="268"/>
        <source>Cover URL:</source>
        <translation>封面地址：</translation>
    </message>
    <message>
        <location filename="../../ui/playauth_panels.py" line="276"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>WatchFolderDialog</name>
    <message>
        <location filename="../../ui/watch_dialog.py" line="176"/>
        <source>Watch a folder</source>
        <translation>监控文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="176"/>
        <source>Edit watched folder</source>
        <translation>编辑监控文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="179"/>
        <source>The folder your editors export into</source>
        <translation>剪辑人员导出文件的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="180"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="191"/>
        <source>Include subfolders</source>
        <translation>包括子文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="196"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="198"/>
        <source>A file is complete when its size and time stayed the same this long</source>
        <translation>文件大小和修改时间保持不变达到此时长，才视为写入完成</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="202"/>
        <source>Title pattern: {0}</source>
        <translation>标题模式：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="205"/>
        <source>comma-separated, at most 16</source>
        <translation>以逗号分隔，最多 16 个</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="208"/>
        <source>32 hexadecimal digits, from the console</source>
        <translation>32 位十六进制字符，可在控制台查看</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="210"/>
        <source>outin-….oss-&lt;region&gt;.aliyuncs.com</source>
        <translation>例如 outin-….oss-&lt;region&gt;.aliyuncs.com</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="216"/>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="219"/>
        <source>&amp;Profile:</source>
        <translation>配置(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="221"/>
        <source>&amp;Settle time:</source>
        <translation>稳定时间(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="222"/>
        <source>Metadata of each file</source>
        <translation>每个文件的元数据</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="224"/>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="225"/>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="226"/>
        <source>Ta&amp;gs:</source>
        <translation>标签(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="227"/>
        <source>&amp;Category:</source>
        <translation>分类(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="228"/>
        <source>Template g&amp;roup:</source>
        <translation>模板组(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="229"/>
        <source>&amp;Workflow:</source>
        <translation>工作流(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="230"/>
        <source>St&amp;orage location:</source>
        <translation>存储地址(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="231"/>
        <source>&amp;App:</source>
        <translation>应用(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="255"/>
        <source>Folder to watch</source>
        <translation>要监控的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="292"/>
        <source>Choose a folder that exists.</source>
        <translation>请选择一个存在的文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="294"/>
        <source>Choose a profile (add one with New profile… first).</source>
        <translation>请选择一个配置（可先通过“新建配置…”添加）。</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="296"/>
        <source>The title pattern names an unknown field. Use {0}.</source>
        <translation>标题模式中有未知字段。可用字段：{0}。</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="298"/>
        <source>At most 16 tags.</source>
        <translation>标签最多 16 个。</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="300"/>
        <source>The category must be chosen from the list or typed as its number ID.</source>
        <translation>分类需从列表中选择，或输入数字分类 ID。</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="301"/>
        <source>The template is not valid: {0}</source>
        <translation>模板无效：{0}</translation>
    </message>
</context>
<context>
    <name>WatchPage</name>
    <message>
        <location filename="../../ui/watch_page.py" line="135"/>
        <source>Files saved into these folders are uploaded once they are complete, once per account. Files still being written, hidden files and temporary names (.part, .tmp, ~) wait.</source>
        <extracomment>job id -&gt; file of uploads a hot folder queued (for notifications).</extracomment>
        <translation>保存到这些文件夹的文件在写入完成后自动上传，每个账号只上传一次。仍在写入的文件、隐藏文件和临时文件名（.part、.tmp、~）会等待。</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="138"/>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="139"/>
        <source>Watch a folder: choose its profile and the metadata its files get</source>
        <translation>监控一个文件夹：选择它使用的配置以及文件的元数据</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="140"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="141"/>
        <source>Change the selected folder&apos;s profile, template or settle time</source>
        <translation>修改所选文件夹的配置、模板或稳定时间</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/watch_page.py" line="276"/>
        <source>Watching · %n file(s) being written</source>
        <translation>
            <numerusform>监控中 · %n 个文件正在写入</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="310"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="142"/>
        <source>Stop or start watching the selected folder</source>
        <translation>停止或开始监控所选文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="143"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="144"/>
        <source>Stop watching the selected folder (its files stay where they are)</source>
        <translation>停止监控所选文件夹（其中的文件保持不动）</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="146"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="146"/>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="146"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="146"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="146"/>
        <source>Queued</source>
        <translation>已加入队列</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="147"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="147"/>
        <source>Last file</source>
        <translation>最近文件</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="148"/>
        <source>Watched folders</source>
        <translation>监控的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="149"/>
        <source>No folder is watched. Add the folder your editors export into.</source>
        <translation>尚未监控任何文件夹。请添加剪辑人员导出文件的文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="225"/>
        <location filename="../../ui/watch_page.py" line="227"/>
        <source>Stop watching</source>
        <translation>停止监控</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="226"/>
        <source>Stop watching {0}? Files already queued keep uploading.</source>
        <translation>停止监控 {0}？已加入队列的文件会继续上传。</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="255"/>
        <source>Hot folder upload finished</source>
        <translation>监控文件夹上传完成</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="256"/>
        <source>{0} is uploaded ({1}).</source>
        <translation>{0} 已上传（{1}）。</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="261"/>
        <source>Hot folder upload failed</source>
        <translation>监控文件夹上传失败</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="262"/>
        <source>{0} failed: {1}</source>
        <translation>{0} 失败：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="266"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="268"/>
        <source>Starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="270"/>
        <source>Folder not found: waiting for it</source>
        <translation>找不到文件夹：等待其出现</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="272"/>
        <source>Cannot check the account: {0}</source>
        <translation>无法核对账号：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="274"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="277"/>
        <source>Watching</source>
        <translation>监控中</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="284"/>
        <source>  (with subfolders)</source>
        <translation>（含子文件夹）</translation>
    </message>
    <message>
        <location filename="../../ui/watch_page.py" line="310"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <location filename="../../ui/metadata_editor.py" line="289"/>
        <source>Comma separated, e.g. sports, 2024</source>
        <translation>以英文逗号分隔，例如：体育, 2024</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="169"/>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="142"/>
        <location filename="../../ui/metadata_editor.py" line="164"/>
        <location filename="../../ui/metadata_editor.py" line="223"/>
        <source>Choose…</source>
        <extracomment>Lists the account&apos;s categories as (CateId, name, depth); runs off the GUI thread. None: no picker.</extracomment>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="143"/>
        <location filename="../../ui/metadata_editor.py" line="165"/>
        <source>Pick one of the account&apos;s categories (GetCategories)</source>
        <translation>从账号的分类中选择（GetCategories）</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="169"/>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="169"/>
        <source>Ta&amp;gs:</source>
        <translation>标签(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="170"/>
        <source>&amp;Category ID:</source>
        <translation>分类 ID(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="170"/>
        <source>Template &amp;group:</source>
        <translation>转码模板组(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="171"/>
        <source>&amp;Workflow:</source>
        <translation>工作流(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="171"/>
        <source>&amp;Storage location:</source>
        <translation>存储地址(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="172"/>
        <source>&amp;App ID:</source>
        <translation>应用 ID(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="172"/>
        <source>Call&amp;back URL:</source>
        <translation>回调地址(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="173"/>
        <source>&amp;UserData:</source>
        <translation>UserData(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="173"/>
        <source>Co&amp;ver URL:</source>
        <translation>封面地址(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="176"/>
        <source>The video&apos;s title in VOD. Empty: the file name without its extension.</source>
        <translation>视频在点播中的标题。留空：使用不含扩展名的文件名。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="177"/>
        <source>Up to 1024 bytes.</source>
        <translation>最多 1024 字节。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="178"/>
        <source>Up to 16 tags, separated by commas; each at most 32 bytes.</source>
        <translation>最多 16 个标签，以英文逗号分隔；每个最多 32 字节。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="179"/>
        <source>The numeric ID of a category from the VOD console (empty: none).</source>
        <translation>视频点播控制台中分类的数字 ID（留空：不分类）。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="180"/>
        <source>The transcoding template group ID (empty: the default group).</source>
        <translation>转码模板组 ID（留空：使用默认模板组）。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="181"/>
        <source>A workflow ID; it takes precedence over the template group.</source>
        <translation>工作流 ID；优先于转码模板组。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="182"/>
        <source>The storage bucket address (empty: the default storage).</source>
        <translation>存储地址（留空：使用默认存储）。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="183"/>
        <source>The VOD application ID (empty: app-1000000).</source>
        <translation>视频点播应用 ID（留空：app-1000000）。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="184"/>
        <source>VOD posts event notifications for these videos to this http(s) URL.</source>
        <translation>视频点播会将这些视频的事件通知发送到此 http(s) 回调地址。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="185"/>
        <source>Extra UserData as a JSON object; merged with the callback URL.</source>
        <translation>额外的 UserData（JSON 对象）；会与回调地址合并。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="186"/>
        <source>A custom thumbnail URL (http or https).</source>
        <translation>自定义封面地址（http 或 https）。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="199"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="209"/>
        <source>This account has no categories yet (create them in the VOD console)</source>
        <translation>此账号还没有分类（请在点播控制台中创建）</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="218"/>
        <source>The categories could not be listed: {0}</source>
        <translation>无法列出分类：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="244"/>
        <source>VOD takes this only when it creates a video; it cannot be changed afterwards.</source>
        <translation>点播仅在创建视频时接受此项，之后无法修改。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="277"/>
        <source>Several values: type to replace them all</source>
        <translation>多个不同的值：输入内容将全部替换</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="328"/>
        <source>The title is longer than {0} bytes.</source>
        <translation>标题超过 {0} 字节。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="330"/>
        <source>VOD does not accept emoji or similar characters in titles.</source>
        <translation>视频点播不接受标题中含有 emoji 等字符。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="332"/>
        <source>The description is longer than {0} bytes.</source>
        <translation>描述超过 {0} 字节。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="336"/>
        <source>At most {0} tags are allowed; there are {1}.</source>
        <translation>最多允许 {0} 个标签；当前有 {1} 个。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="339"/>
        <source>The tag “{0}” is longer than {1} bytes.</source>
        <translation>标签“{0}”超过 {1} 字节。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="341"/>
        <source>A category ID is a positive number, such as 1000123 (see the VOD console&apos;s categories).</source>
        <translation>分类 ID 是正整数，例如 1000123（见点播控制台的分类管理）。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="344"/>
        <source>The address must start with http:// or https://.</source>
        <translation>地址必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="349"/>
        <source>This is not valid JSON: {0}</source>
        <translation>这不是有效的 JSON：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_editor.py" line="351"/>
        <source>UserData must be a JSON object, for example {&quot;Extend&quot;: {&quot;key&quot;: &quot;value&quot;}}.</source>
        <translation>UserData 必须是 JSON 对象，例如 {&quot;Extend&quot;: {&quot;key&quot;: &quot;value&quot;}}。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../ui/errors.py" line="181"/>
        <source>Unexpected error: {0}</source>
        <translation>意外错误：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="202"/>
        <source> RequestId: {0}</source>
        <translation> RequestId：{0}</translation>
    </message>
</context>
</TS>
