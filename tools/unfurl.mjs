// What a chat app's link preview reads from a page: open-graph-scraper, a real unfurler that, like
// them, runs no script and follows no meta refresh. Prints its result for one URL as JSON.
//   node tools/unfurl.mjs URL
import ogs from "open-graph-scraper";

const { error, result } = await ogs({ url: process.argv[2], timeout: 10 });
console.log(JSON.stringify({ error, result }));
process.exit(error ? 1 : 0);
