/** The site's only stylesheet and icon, served from memory: the CSP allows nothing inline. */
export const stylesheet = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff; }
body { margin: 0 auto; max-width: 72rem; padding: 0 1rem 2rem; line-height: 1.45; }
a { color: #0b4f9c; }
a:focus-visible, select:focus-visible, button:focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 1rem; border-bottom: 1px solid #ccc; }
header .brand { font-weight: 700; font-size: 1.25rem; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .75rem; padding: 0; margin: 0; }
nav [aria-current] { font-weight: 700; color: #1a1a1a; }
form { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; margin: 1rem 0; }
label { display: flex; flex-direction: column; font-size: .9rem; }
select, button { font: inherit; padding: .3rem .5rem; }
button { background: #0b4f9c; color: #fff; border: 0; border-radius: 4px; }
.notice { border-left: 4px solid #a15c00; padding: .5rem 1rem; background: #fff4e0; }
.board { overflow-x: auto; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; min-width: 20rem; }
/* The section's heading says it; the caption is for screen readers moving from table to table. */
caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
th, td { border: 1px solid #bbb; padding: .35rem .6rem; text-align: left; vertical-align: top; }
thead th { background: #eee; }
td .state { font-weight: 600; display: block; }
td time { font-size: .85rem; }
.s-leave { background: #f7c6c6; }
.s-stay { background: #d9e3f2; }
.s-join { background: #c6ebcf; }
.s-pause { background: #fbe6a9; }
.s-return { background: #cdeee9; }
.s-delete { background: #e4cdef; }
.s-unknown { background: #f4f4f4; color: #4a4a4a; }
.timeline { list-style: none; padding: 0; }
.timeline > li { border-left: 4px solid #0b4f9c; padding: .25rem 1rem; margin-bottom: 1.25rem; }
blockquote { margin: .5rem 0; padding-left: 1rem; border-left: 3px solid #ccc; color: #333; }
footer { border-top: 1px solid #ccc; margin-top: 2rem; font-size: .9rem; color: #444; }
`;

export const favicon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b4f9c"/><rect x="6" y="7" width="9" height="8" fill="#f7c6c6"/><rect x="17" y="7" width="9" height="8" fill="#c6ebcf"/><rect x="6" y="17" width="9" height="8" fill="#d9e3f2"/><rect x="17" y="17" width="9" height="8" fill="#fbe6a9"/></svg>`;
