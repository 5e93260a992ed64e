#!/bin/bash
# watch.sh PID DIR INTERVAL: RSS, fds, threads, var/ sizes
pid=$1; dir=$2; iv=${3:-30}
while kill -0 $pid 2>/dev/null; do
  rss=$(awk '/VmRSS/{print $2}' /proc/$pid/status); thr=$(awk '/Threads/{print $2}' /proc/$pid/status)
  fds=$(ls /proc/$pid/fd | wc -l)
  echo "$(date +%T) rss_kb=$rss threads=$thr fds=$fds var=$(du -sk $dir/var | cut -f1)k spool=$(du -sk $dir/var/spool | cut -f1)k seg=$(find $dir/var/spool/http -maxdepth 1 -type f ! -name '.*' | wc -l) done=$(ls $dir/var/spool/http/done 2>/dev/null | wc -l) prog=$(ls $dir/var/spool/http/.progress 2>/dev/null | wc -l) rcv=$(ls $dir/var/spool/http/.received 2>/dev/null | wc -l) rcvk=$(du -sk $dir/var/spool/http/.received 2>/dev/null| cut -f1) dl=$(wc -l < $dir/var/dead-letters.jsonl 2>/dev/null) dlk=$(du -k $dir/var/dead-letters.jsonl 2>/dev/null | cut -f1) zone=$(wc -l < $dir/var/zones/example.com.zone 2>/dev/null) jnl=$(stat -c %s $dir/var/zones/example.com.zone.journal 2>/dev/null) log=$(stat -c %s $dir/gordon.log)"
  sleep $iv
done
