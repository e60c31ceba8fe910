package main

// FerretDB 1.24 replies to every OP_MSG, including those sent with the moreToCome flag (an unacknowledged
// write, w: 0), to which the wire protocol says a server must not reply. A driver then hands that stray
// reply to its next request on the connection, and every reply after it to the request before: one
// user's query answered with another's rows. The product never sends such writes (its driver guard
// upgrades them), but any client may — an admin shell, a script, a library. So FerretDB listens on a
// private Unix socket and this proxy owns the TCP address: it passes every message through unchanged and
// drops exactly the replies to moreToCome requests, which is what a conforming server would have sent.

import (
	"bufio"
	"context"
	"encoding/binary"
	"io"
	"log/slog"
	"net"
	"sync"
	"time"
)

const (
	opMsg          = 2013
	flagMoreToCome = 1 << 1
	// FerretDB's own limit on a message (maxMessageSizeBytes): anything larger is not a wire message.
	maxMessageBytes = 48 * 1000 * 1000
)

// serveWithoutStrayReplies accepts on ln until ctx ends and joins each client to a fresh connection
// from dial.
func serveWithoutStrayReplies(ctx context.Context, ln net.Listener, dial func() (net.Conn, error), logger *slog.Logger) {
	go func() {
		<-ctx.Done()
		ln.Close()
	}()
	for {
		client, err := ln.Accept()
		if err != nil {
			if ctx.Err() == nil {
				logger.Error("proxy: accept failed", "err", err)
			}
			return
		}
		go func() {
			server, err := dial()
			// FerretDB opens its socket a moment after the start; a client that came first waits for it.
			for wait := 10 * time.Millisecond; err != nil && wait < 3*time.Second && ctx.Err() == nil; wait *= 2 {
				time.Sleep(wait)
				server, err = dial()
			}
			if err != nil {
				logger.Error("proxy: cannot reach FerretDB", "err", err)
				client.Close()
				return
			}
			join(client, server)
		}()
	}
}

// join relays both ways until either side closes, then closes both.
func join(client, server net.Conn) {
	var mu sync.Mutex
	unanswered := map[int32]struct{}{} // requestIDs of moreToCome requests: their replies are dropped
	var once sync.Once
	closeBoth := func() { once.Do(func() { client.Close(); server.Close() }) }

	go func() {
		defer closeBoth()
		relay(client, server, func(header []byte, body []byte) bool {
			if int32(binary.LittleEndian.Uint32(header[12:])) == opMsg && len(body) >= 4 && binary.LittleEndian.Uint32(body)&flagMoreToCome != 0 {
				mu.Lock()
				unanswered[int32(binary.LittleEndian.Uint32(header[4:]))] = struct{}{}
				mu.Unlock()
			}
			return true
		})
	}()
	defer closeBoth()
	relay(server, client, func(header []byte, _ []byte) bool {
		responseTo := int32(binary.LittleEndian.Uint32(header[8:]))
		mu.Lock()
		defer mu.Unlock()
		if _, stray := unanswered[responseTo]; stray {
			delete(unanswered, responseTo)
			return false
		}
		return true
	})
}

// relay copies whole messages from src to dst while pass says so; it flushes whenever src has nothing
// more buffered, so a burst of messages goes out in one write and a lone one without delay.
func relay(src, dst net.Conn, pass func(header, body []byte) bool) {
	r := bufio.NewReaderSize(src, 64<<10)
	w := bufio.NewWriterSize(dst, 64<<10)
	header := make([]byte, 16)
	var body []byte
	for {
		if _, err := io.ReadFull(r, header); err != nil {
			return
		}
		n := int(int32(binary.LittleEndian.Uint32(header)))
		if n < 16 || n > maxMessageBytes {
			return // not the wire protocol: end the connection rather than guess
		}
		if cap(body) < n-16 {
			body = make([]byte, n-16)
		}
		body = body[:n-16]
		if _, err := io.ReadFull(r, body); err != nil {
			return
		}
		if pass(header, body) {
			if _, err := w.Write(header); err != nil {
				return
			}
			if _, err := w.Write(body); err != nil {
				return
			}
		}
		if r.Buffered() == 0 {
			if err := w.Flush(); err != nil {
				return
			}
		}
	}
}
