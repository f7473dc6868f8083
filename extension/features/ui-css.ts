// Styles inside the shadow root (card, launcher, drawer). Colours match the marks; severities also
// differ in text (错误/警告/提示) and border style, never in colour alone.
export const UI_CSS = `
:host{all:initial}
.root{font:14px/1.5 system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#202124}
button{font:inherit;cursor:pointer}
.card{position:fixed;max-width:min(420px,calc(100vw - 16px));background:#fff;border:1px solid #5f6368;border-radius:6px;
  box-shadow:0 4px 16px rgba(0,0,0,.25);padding:10px 12px;box-sizing:border-box;overflow:auto;overscroll-behavior:contain}
.card-body+.card-body{border-top:1px solid #dadce0;margin-top:8px;padding-top:8px}
.head{margin:0 0 4px;display:flex;gap:6px;align-items:baseline;flex-wrap:wrap}
.sev{font-weight:700;padding:0 4px;border-radius:3px;border:1px solid}
.sev-error{color:#b3261e;border-style:solid}
.sev-warning{color:#8a4b00;border-style:dashed}
.sev-info{color:#1558b0;border-style:dotted}
code{font:12px ui-monospace,monospace;color:#5f6368}
.cell{color:#5f6368;font-size:12px}
.msg{margin:0 0 6px}
.eq{margin:0 0 6px;padding:6px 8px;background:#f1f3f4;border-radius:4px;font-size:13px}
.eq div{overflow-wrap:anywhere}
.eq strong{font-variant-numeric:tabular-nums}
.diff{font-weight:700}
.fix{font-weight:600}
.options,.eqs{margin:0 0 6px;padding:0 0 0 1em;list-style:disc;font-size:13px}
.eqs li{overflow-wrap:anywhere;margin:2px 0}
.breaks{margin:4px 0 2px;font-size:12px;color:#5f6368}
.note{margin:0 0 6px;padding:4px 8px;border-left:3px solid #9aa0a6;font-size:12px;
  background-image:repeating-linear-gradient(135deg,rgba(176,96,0,.12) 0 1px,transparent 1px 6px)}
.caveat{margin:0 0 6px;font-size:12px;color:#5f6368}
.actions{display:flex;gap:6px;flex-wrap:wrap;align-items:center;font-size:12px}
.actions button,.drawer button{border:1px solid #dadce0;background:#fff;border-radius:4px;padding:1px 8px;color:#202124}
.actions button:hover,.drawer button:hover{background:#f1f3f4}
button:focus-visible{outline:2px solid #1a73e8;outline-offset:1px}
.launcher{position:fixed;right:16px;bottom:16px;border:1px solid #5f6368;border-radius:16px;background:#fff;
  padding:4px 12px;box-shadow:0 2px 8px rgba(0,0,0,.2);font-size:13px;color:#202124}
.launcher.has-error{border:2px solid #d93025}
.drawer{position:fixed;top:0;right:0;bottom:0;width:min(380px,100vw);background:#fff;border-left:1px solid #5f6368;
  box-shadow:-4px 0 16px rgba(0,0,0,.15);display:flex;flex-direction:column;box-sizing:border-box}
.drawer header{padding:10px 12px;border-bottom:1px solid #dadce0;display:flex;justify-content:space-between;align-items:center;gap:8px}
.drawer h2{font-size:15px;margin:0}
.counts{font-size:13px;color:#3c4043}
.scroll{overflow:auto;padding:8px 12px 24px;flex:1}
.headline{margin:0 0 8px;font-weight:600}
.headline.bad{color:#b3261e}.headline.warn{color:#8a4b00}.headline.ok{color:#137333}
h3{font-size:13px;margin:12px 0 4px;color:#3c4043}
.notice{margin:0 0 6px;padding:4px 8px;border-left:3px solid #b06000;background:#fef7e0;font-size:12px}
ul{list-style:none;margin:0;padding:0}
li.row{padding:6px 0;border-bottom:1px solid #f1f3f4}
.jump{display:block;width:100%;text-align:left;border:0!important;background:none!important;padding:2px 0!important}
.jump:hover .msg{text-decoration:underline}
.jump[disabled]{cursor:default}
.dismissed .msg{color:#5f6368}
.reason{font-size:12px;color:#5f6368}
.empty{color:#5f6368;font-size:13px}
.template{font-size:12px;color:#5f6368;margin:6px 0 0}
.drawer .template{margin:0}
.head-actions{display:flex;gap:6px;align-items:center}
li.row:focus{outline:2px solid #1a73e8;outline-offset:2px}
[data-copied="failed"]{color:#b3261e!important}
.offer{position:fixed;right:16px;bottom:16px;width:min(360px,calc(100vw - 32px));box-sizing:border-box;background:#fff;
  border:1px solid #5f6368;border-left:4px solid #b06000;border-radius:6px;padding:8px 12px;box-shadow:0 2px 8px rgba(0,0,0,.2);font-size:13px}
.offer-head{display:flex;justify-content:space-between;align-items:center}
.offer p{margin:4px 0 6px}
.offer li+li{margin-top:4px}
.offer button{border:1px solid #dadce0;background:#fff;border-radius:4px;padding:2px 8px;color:#202124;text-align:left}
.offer [data-action="open-attachment"]{width:100%;overflow-wrap:anywhere}
/* the reader's system in dark mode: the card and the panel follow (the page itself is left as it is) */
@media (prefers-color-scheme:dark){
  .root{color:#e8eaed}
  .card,.drawer,.launcher,.offer{background:#202124;color:#e8eaed;border-color:#9aa0a6}
  .eq{background:#303134}
  .actions button,.drawer button,.offer button{background:#303134;color:#e8eaed;border-color:#5f6368}
  .actions button:hover,.drawer button:hover{background:#3c4043}
  code,.cell,.breaks,.caveat,.counts,.reason,.empty,.template,.dismissed .msg,h3{color:#bdc1c6}
  .sev-error,.headline.bad{color:#f28b82}.sev-warning,.headline.warn{color:#fdd663}.sev-info{color:#8ab4f8}.headline.ok{color:#81c995}
  .notice{background:#3c3424;border-left-color:#fdd663}
  .drawer header,.card-body+.card-body{border-color:#5f6368}
  li.row{border-bottom-color:#3c4043}
  [data-copied="failed"]{color:#f28b82!important}
}
`;
