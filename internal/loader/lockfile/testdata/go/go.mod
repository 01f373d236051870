module example.com/shop

go 1.22

require (
	github.com/gin-gonic/gin v1.9.1
	golang.org/x/net v0.16.0
	google.golang.org/grpc v1.58.2 // indirect
	example.com/internal/lib v1.0.0
)

require github.com/old/name v1.2.0

replace github.com/old/name => github.com/new/name v1.3.0

replace example.com/internal/lib => ../lib
