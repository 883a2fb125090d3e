// Entry point for `node --test tests/web/`: Node's test discovery only picks up
// names like test.mjs or *.test.mjs, never *.spec.mjs, so this file loads the
// specs (one per user-visible feature). Running the specs by name
// (`node --test tests/web/*.spec.mjs`) works as well and skips this file.
import './playground.spec.mjs';
import './single-threaded.spec.mjs';
