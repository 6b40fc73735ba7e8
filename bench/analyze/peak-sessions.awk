# The naive alternative to `mapiscope analyze` for one question: the most sessions each user held
# at once, per server, from RCA logs. A session opens at its Connect row and closes at its
# Disconnect row; the server is the log's folder. Quoted fields with commas shift the later
# columns, so operations are found by their ",Connect," and ",Disconnect," text.
FNR == 1 { server = FILENAME; sub(/\/[^\/]*$/, "", server) }
/^#/ { next }
index($0, ",Connect,") {
  k = server SUBSEP $2
  if (!(k in owner)) { u = server SUBSEP $4; owner[k] = u; if (++open[u] > peak[u]) peak[u] = open[u] }
  next
}
index($0, ",Disconnect,") { k = server SUBSEP $2; if (k in owner) { open[owner[k]]--; delete owner[k] } }
END { for (u in peak) { n++; if (peak[u] > max) max = peak[u] }; printf "%d tracks, highest peak %d\n", n, max }
