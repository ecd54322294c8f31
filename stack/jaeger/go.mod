module github.com/exemplar-explorer/stack/jaeger

go 1.26
