/**
 * Hot reload of a rules directory: a file-system watcher (debounced, so one save is one reload) backed by a
 * periodic content-hash check, handing each change to the active rule set, which swaps in a valid set and keeps
 * the previous one on a rejected set. Off when the service runs the bundled pack, which cannot change.
 */
package wirewatch.classify.reload;
