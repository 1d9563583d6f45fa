package layout

import (
	"math"
	"math/rand/v2"
	"runtime"
	"time"
)

// Multilevel is a multilevel force-directed layout for big graphs, after
// Walshaw (2000, "A multilevel algorithm for force-directed graph
// drawing") and Hu (2005, "Efficient and high quality force-directed graph
// drawing", sfdp): the graph is coarsened level by level (coarsen), the
// largest level of at most mdsMax nodes is placed by classical scaling of
// its hop distances (classicalMDS), and each finer level starts from the
// coarser one (prolong: each node between its group's
// place and its neighbours', as FM³ places merged nodes, with a small seeded
// offset) and is refined. A tick is one iteration on the current level:
// Barnes–Hut repulsion over the whole level, attraction along its edges and
// gravity, then every node moves a step along its force (Hu's adaptive step
// length: the step grows after five ticks that lowered the energy, shrinks
// by 0.9 after any other) until the step is under Tolerance of the level's
// natural length or the level's ticks are spent. Every level starts with a
// step as long as its natural length, so that a node the coarsening put in
// the wrong group can cross to its own. Levels of at most a twentieth of
// the nodes cost little and decide the whole shape: they get more ticks;
// the finest level's step cools geometrically in the second half of its
// ticks.
//
// The energy is one of Noack's r-PolyLog models (2007): attraction d^r/r
// along edges weighted by how many fine edges they stand for, and
// repulsion between every pair weighted by the product of the masses (how
// many fine nodes each stands for), so every level approximates the same
// energy at the same scale, as FM³ (Hachul & Jünger 2004) keeps its levels
// at one scale too. The graph chooses it (MultilevelConfig.withEnergy): a
// big graph that the coarsening finds modular gets LinLog (r = 1), whose
// minima put communities apart, as OpenOrd (Martin et al. 2011) does by
// cutting long edges, with a repulsion of 1/d² rather than LinLog's 1/d,
// so that a grid keeps an even spacing up to its border; other graphs get
// Fruchterman and Reingold's springs (r = 2, repulsion 1/d), whose
// distances are truer to the graph's. The multilevel start unfolds grids
// that a single level folds.
//
// Results depend on the seed only: forces are computed from positions read
// before the tick (Jacobi style), products are rounded before they are
// added, and sums run in a fixed order, so they are identical for any
// number of workers (and with fused multiply-adds).
type Multilevel struct {
	cfg    MultilevelConfig
	levels []*level
	cur    int          // the level being refined
	pos    [][2]float64 // its positions
	// pins hold nodes of the finest level in place.
	pins []pin
	// next receives the positions after the tick, then changes places
	// with pos; f2 holds each point's |force|² in Z order, summed after
	// the force pass in a fixed order. Positions are kept apart from Node,
	// a quarter of its size: on two cores each tick moves every position
	// between the cores' caches.
	next [][2]float64
	f2   []float64
	tree quadtree
	pool *workers // nil for a small graph
	// fpool is the pool for the current level's force pass (nil below
	// forceParallelMin nodes), which runs force, or forceFine on a level
	// too small for force's chunks to spread over the workers.
	fpool            *workers
	force, forceFine job
	fjob             *job

	c, g                  float64 // repulsion and gravity scales
	cx, cy                float64 // centre of mass this tick
	step, natural, energy float64
	first                 float64 // the level's first step
	r, p                  float64 // the exponents of attraction and repulsion now
	progress, iter, ticks int
	done                  bool
	// warm is set for a refinement while the user works (a drag, a new
	// date): its helpers park at once between runs (setPools).
	warm bool
}

// NewMultilevel builds the hierarchy of a graph of n nodes and lays out its
// coarsest level's start; Tick then refines it.
func NewMultilevel(n int, links []Link, cfg MultilevelConfig) *Multilevel {
	cfg = cfg.withDefaults()
	m := &Multilevel{cfg: cfg}
	base := baseLevel(n, links)
	m.levels = hierarchy(base, cfg.Seed, cfg.CoarsestSize)
	m.cfg = cfg.withEnergy(n, modularity(m.levels))
	cfg = m.cfg
	// The scales that make the finest level's mean edge length about 1
	// (by the virial of the energy: Σ w·d^r = c·Σ m_i·m_j).
	total := float64(n)
	w := max(base.totalWeight(), 1)
	m.c = repulsionScale(w, total, cfg.Repulsion)
	m.g = cfg.Gravity * 4 * w / max(math.Pow(total, 1.5), 1)
	if cfg.Workers > 1 && n >= parallelMin {
		m.pool = newWorkers(cfg.Workers)
		runtime.AddCleanup(m, func(w *workers) { w.stop() }, m.pool)
	}
	m.tree.leafSize = leafSize
	m.setJobs()

	// The layout starts from the largest level of at most mdsMax nodes,
	// placed by classical scaling at the spacing of its natural length,
	// plus a seeded jitter; if the coarsening stopped above that size,
	// from the coarsest level at seeded random places in a square of the
	// finest level's size.
	m.cur = len(m.levels) - 1
	for m.cur > 0 && m.levels[m.cur-1].n <= mdsMax {
		m.cur--
	}
	top := m.levels[m.cur]
	r := rand.New(rand.NewPCG(cfg.Seed, 0x636f617273))
	var pos [][2]float64
	if top.n <= mdsMax {
		pos = classicalMDS(top)
		natural := m.naturalLength(top)
		for i := range pos {
			pos[i][0] = float64(pos[i][0]*natural) + float64((r.Float64()-0.5)*0.1*natural)
			pos[i][1] = float64(pos[i][1]*natural) + float64((r.Float64()-0.5)*0.1*natural)
		}
	} else {
		side := math.Sqrt(total)
		pos = make([][2]float64, top.n)
		for i := range pos {
			pos[i][0] = float64(r.Float64()*side) - side/2
			pos[i][1] = float64(r.Float64()*side) - side/2
		}
	}
	m.enter(pos, cfg.CoarseStep)
	return m
}

// newWarmMultilevel refines one level, base, from positions pos, with a
// small first step: the layout of a big network after a
// change, so that what the change did not touch stays where it was.
func newWarmMultilevel(base *level, pos [][2]float64, cfg MultilevelConfig) *Multilevel {
	cfg = cfg.withDefaults().withEnergy(base.n, 0)
	m := &Multilevel{cfg: cfg, levels: []*level{base}}
	total := float64(base.n)
	w := max(base.totalWeight(), 1)
	m.c = repulsionScale(w, total, cfg.Repulsion)
	m.g = cfg.Gravity * 4 * w / max(math.Pow(total, 1.5), 1)
	if cfg.Workers > 1 && base.n >= parallelMin {
		m.pool = newWorkers(cfg.Workers)
		runtime.AddCleanup(m, func(w *workers) { w.stop() }, m.pool)
	}
	m.tree.leafSize = leafSize
	m.setJobs()
	m.warm = true
	m.enter(pos, warmStep)
	return m
}

// rewarm restarts the refinement of the finest level from where its nodes
// are, with at least the warm first step.
func (m *Multilevel) rewarm() {
	step := m.step
	m.warm = true
	m.enter(m.pos, warmStep)
	m.step = max(m.step, step)
	m.first = m.step
	m.done = false
}

// setJobs sets the force jobs once: a late worker may still read a job
// after its run (parallel.go).
func (m *Multilevel) setJobs() {
	m.force = job{fn: m.forceRange}
	m.forceFine = job{fn: m.forceRange, chunk: fineChunk}
}

// A level's force pass is split over the workers from forceParallelMin
// nodes, in chunks of fineChunk points below fineChunkMax nodes so that
// even a small level's chunks spread over the workers: on two cores the
// levels of 240, 494 and 1,013 nodes of a 10,000 node graph took 0.82,
// 0.74 and 0.62 times as long as on one goroutine, those of 59 and 117
// the same. The quadtree is built in parallel from treeParallelMin nodes:
// the build is memory-bound, and below that its hand-offs cost more than
// they save.
const (
	forceParallelMin = 2 * fineChunk
	fineChunk        = 32
	fineChunkMax     = 8 * chunkSize
	treeParallelMin  = 1500
)

// helperPoll is how long helpers poll for the next run before they park:
// waking a parked goroutine took a median 73 µs on a two-core virtual
// machine, longer than a small level's tick, and a tick hands out up to
// seven runs a few microseconds apart. They poll while a user waits for a
// cold layout, and on levels below fineChunkMax nodes; in a warm
// refinement of a bigger level (a drag, a new date) they park at once and
// leave the window the core.
const helperPoll = 50 * time.Microsecond

// warmStep is the first step of a warm refinement, as a share of the
// natural length.
const warmStep = 0.05

// cheap reports whether the current level has at most a twentieth of the
// nodes: its ticks cost little, and its shape is the whole layout's.
func (m *Multilevel) cheap() bool { return m.levels[m.cur].n*20 <= m.levels[0].n }

// Levels is the number of levels, the finest included.
func (m *Multilevel) Levels() int { return len(m.levels) }

// Level is the level being refined: 0 is the finest.
func (m *Multilevel) Level() int { return m.cur }

// Ticks is how many ticks have run.
func (m *Multilevel) Ticks() int { return m.ticks }

// Done reports whether the finest level is at rest.
func (m *Multilevel) Done() bool { return m.done }

// naturalLength is the spacing of l's nodes if the finest level's
// spacing is 1.
func (m *Multilevel) naturalLength(l *level) float64 {
	return math.Sqrt(float64(len(m.levels[0].mass)) / float64(max(l.n, 1)))
}

// enter makes pos the current level's positions, with the first step as
// a share of its natural length.
func (m *Multilevel) enter(pos [][2]float64, first float64) {
	l := m.levels[m.cur]
	m.pos = pos
	if len(m.next) != l.n {
		m.next = make([][2]float64, l.n)
		m.f2 = make([]float64, l.n)
	}
	m.setPools()
	m.tree.mass = nil
	if m.cur > 0 {
		m.tree.mass = l.mass
	}
	m.tree.pm = nil
	m.tree.theta2 = m.cfg.Theta * m.cfg.Theta
	if m.cur == 0 {
		m.tree.theta2 = m.cfg.FinestTheta * m.cfg.FinestTheta
	}
	m.natural = m.naturalLength(l)
	m.r, m.p = m.cfg.Attraction, m.cfg.Repulsion
	if m.cur < m.cfg.FineLevels && m.cfg.FineAttraction != 0 {
		m.r = m.cfg.FineAttraction
	}
	m.step = first * m.natural
	m.first = m.step
	m.energy = math.Inf(1)
	m.progress, m.iter = 0, 0
}

// setPools chooses the current level's pools and force job, and how long
// its helpers poll between runs (helperPoll).
func (m *Multilevel) setPools() {
	n := m.levels[m.cur].n
	m.fpool, m.tree.pool, m.fjob = nil, nil, &m.force
	if n >= forceParallelMin {
		m.fpool = m.pool
	}
	if n < fineChunkMax {
		m.fjob = &m.forceFine
	}
	if n >= treeParallelMin {
		m.tree.pool = m.pool
	}
	var poll time.Duration
	if !m.warm || n < fineChunkMax {
		poll = helperPoll
	}
	m.pool.setPoll(poll)
}

// energySum returns Σ|force|² of the last force pass: per run of chunkSize
// points in Z order, then over the runs, the same sums whichever chunks
// the workers took.
func (m *Multilevel) energySum() float64 {
	var e float64
	for lo := 0; lo < len(m.f2); lo += chunkSize {
		var s float64
		for _, v := range m.f2[lo:min(lo+chunkSize, len(m.f2))] {
			s += v
		}
		e += s
	}
	return e
}

// Tick runs one iteration on the current level, and moves to the next finer
// level when this one is at rest. It reports whether there is more to do.
func (m *Multilevel) Tick() bool {
	if m.done {
		return false
	}
	m.tree.build(m.pos)
	root := m.tree.cells[0]
	m.cx, m.cy = root.x, root.y
	m.fpool.run(m.fjob, len(m.pos))
	if m.cur == 0 {
		for _, p := range m.pins {
			m.next[p.i] = p.at
		}
	}
	m.pos, m.next = m.next, m.pos
	e := m.energySum()
	// Hu (2005), adaptive step length.
	const t = 0.9
	if e < m.energy {
		m.progress++
		if m.progress >= 5 {
			m.progress = 0
			m.step /= t
		}
	} else {
		m.progress = 0
		m.step *= t
	}
	m.energy = e
	m.iter++
	m.ticks++
	limit := m.cfg.MaxTicks
	switch {
	case m.cur == 0:
		limit = m.cfg.FinestTicks
	case m.cheap():
		// A small level is cheap, and its shape is the whole layout's:
		// let it come to rest.
		limit *= 5
	}
	// On the finest level, in the second half of its bound of ticks, the
	// step also cools geometrically from the first to the tolerance, so
	// that it ends with small moves that tidy each node's neighbourhood.
	tol := m.cfg.Tolerance * m.natural
	if half := limit / 2; m.cur == 0 && m.first > tol && m.iter > half {
		m.step = min(m.step, float64(m.first*math.Pow(tol/m.first, float64(m.iter-half)/float64(limit-half))))
	}
	if m.step >= m.cfg.Tolerance*m.natural && m.iter < limit {
		return true
	}
	if m.cur == 0 {
		m.done = true
		return false
	}
	m.prolong()
	return true
}

// prolong places the next finer level's nodes from the coarser layout:
// each halfway between its group's place and the mean of its neighbours'
// groups' places, as FM³ (Hachul & Jünger 2004) places a merged node near
// its neighbours rather than on its sun, plus a seeded jitter of a tenth of
// its natural length that parts nodes placed alike.
func (m *Multilevel) prolong() {
	fine := m.levels[m.cur-1]
	r := rand.New(rand.NewPCG(m.cfg.Seed, uint64(m.cur)))
	jit := 0.1 * m.naturalLength(fine)
	pos := make([][2]float64, fine.n)
	for i, p := range fine.parent {
		c := m.pos[p]
		x, y := c[0], c[1]
		var sx, sy, sw float64
		for e := fine.start[i]; e < fine.start[i+1]; e++ {
			o := m.pos[fine.parent[fine.adj[e]]]
			w := fine.w[e]
			sx += float64(o[0] * w)
			sy += float64(o[1] * w)
			sw += w
		}
		if sw > 0 {
			x = float64(x*(1-m.cfg.Interpolation)) + float64(sx/sw*m.cfg.Interpolation)
			y = float64(y*(1-m.cfg.Interpolation)) + float64(sy/sw*m.cfg.Interpolation)
		}
		pos[i][0] = x + float64((r.Float64()-0.5)*jit)
		pos[i][1] = y + float64((r.Float64()-0.5)*jit)
	}
	m.cur--
	first := m.cfg.FirstStep
	if m.cheap() {
		first = m.cfg.CoarseStep
	}
	m.enter(pos, first)
}

// Positions writes every finest-level node's place to dst (len n): during
// the coarse levels, the place of the group it belongs to.
func (m *Multilevel) Positions(dst [][2]float64) {
	if m.cur == 0 {
		copy(dst, m.pos)
		return
	}
	for i := range dst {
		p := int32(i)
		for k := 0; k < m.cur; k++ {
			p = m.levels[k].parent[p]
		}
		dst[i] = m.pos[p]
	}
}

// clone returns a copy that ticks on independently to the same result.
// The levels are shared: nothing changes them once built.
func (m *Multilevel) clone() *Multilevel {
	c := &Multilevel{
		cfg: m.cfg, levels: m.levels, cur: m.cur,
		pos:  append([][2]float64(nil), m.pos...),
		pins: append([]pin(nil), m.pins...),
		next: make([][2]float64, len(m.next)), f2: make([]float64, len(m.f2)),
		c: m.c, g: m.g, step: m.step, natural: m.natural, energy: m.energy,
		first: m.first, r: m.r, p: m.p,
		progress: m.progress, iter: m.iter, ticks: m.ticks, done: m.done,
		warm: m.warm,
	}
	if m.pool != nil {
		c.pool = newWorkers(m.cfg.Workers)
		runtime.AddCleanup(c, func(w *workers) { w.stop() }, c.pool)
	}
	c.tree.leafSize = leafSize
	c.tree.theta2 = m.tree.theta2
	c.tree.mass = m.tree.mass
	c.setJobs()
	c.setPools()
	return c
}

// pin holds node i of the finest level at a place.
type pin struct {
	i  int
	at [2]float64
}

// setPins holds the finest level's nodes that nodes marks Pinned at their
// (FX, FY) divided by scale.
func (m *Multilevel) setPins(nodes []Node, scale float64) {
	m.pins = m.pins[:0]
	for i, nd := range nodes {
		if nd.Pinned {
			m.pins = append(m.pins, pin{i, [2]float64{nd.FX / scale, nd.FY / scale}})
		}
	}
}

// repulsionScale is the scale c of a repulsion 1/d^p that makes the
// finest level's mean edge length about 1 for a graph of n nodes and total
// edge weight w (by the virial of the energy: Σ w·d^r = c·Σ m_i·m_j·d^(1-p)).
func repulsionScale(w, n, p float64) float64 {
	return 2 * w / max(n*n, 1) * math.Pow(math.Sqrt(n)/2, p-1)
}
