// A worker started by public/early.js. Making one date format here loads the locale's date data into caches
// that the whole browser process shares, so the app's first date format on the page costs well under a
// millisecond instead of 15–20 ms (33 ms on a slow phone's quarter speed is 70 ms) on the main thread, where it
// would hold up a tap. Measured in Chromium 156. It sends nothing and ends itself.
new Intl.DateTimeFormat().format(new Date());
close();
