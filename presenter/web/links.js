// The index page: links keep the view key of the address this page was opened with.
"use strict";
for (const link of document.querySelectorAll("a[id^=link-]")) link.search = location.search;
