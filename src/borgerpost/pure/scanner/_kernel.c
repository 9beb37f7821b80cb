/* The guard model's sums over a text's words, in C.

   model.py is the definition: `Model._score_in_python` computes what `Kernel.score`
   does. Over the text's words it takes the features each word gives and the feature of
   the pair it makes with the word before, and over the features that occur it adds idf
   times weight per category and divides by the vector's length (binary tf-idf of unit
   length, as scikit-learn trains it). Compiled by mypyc those loops cost more than all
   the rules together, every float and word a Python object; here they run on plain
   numbers. No maintained library does this without numpy and scipy, whose import alone
   takes longer than the guard may for a whole one-mail call (docs/performance.md).

   Built with the compiled modules by `borgerpost scan --build-native` (native.py) and
   used only where that build is; the Python in model.py runs otherwise. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#define EMPTY UINT64_MAX
#define MAX_FEATURES ((Py_ssize_t)1 << 31)

/* A word's entry, remembered by the word's Latin-1 characters in front of the words
   table: finding it there needs no str made from the text, no hash of it and no dict
   lookup, which were most of the model's time on a mail. One slot per hash (a word that
   lands on a taken slot replaces the one there); 8,192 slots of 40 bytes hold a dense
   mail's words within the CPU's second-level cache. The scanner's text is a Latin-1
   view (normalise.py), so every word of it can be remembered; a longer word, or a text
   with wider characters, is looked up in the table. */
#define MEMO_SLOTS 8192
#define MEMO_CHARS 27

typedef struct {
    PyObject *entry; /* the words table's entry for the word, a reference held; NULL: empty */
    uint32_t hash;
    uint8_t length;
    unsigned char chars[MEMO_CHARS];
} MemoSlot;

typedef struct {
    PyObject_HEAD
    /* Word as written -> the index of the folded word or -1, then the indices of the
       features it gives on its own, as 32-bit integers in bytes (read without a Python
       int each); b"" for a number, which is no word to the model. A dict whose
       __missing__ (model.py) makes the entry for a word not seen before. */
    PyObject *words;
    Py_ssize_t features;
    Py_ssize_t width;     /* categories */
    /* Per feature its idf squared, and per feature and category the weight (in
       thousandths) times the idf: the very products the sums would otherwise take at
       every word, each a double as it was, so the sums come out the same to the bit. */
    double *squares;
    double *products;
    double *bias;         /* per category */
    uint64_t *pair_keys;  /* open addressing: index of first word << 32 | of second */
    Py_ssize_t *pair_values;
    uint64_t pair_mask;
    MemoSlot *memo;       /* MEMO_SLOTS */
} Kernel;

/* Which of the first 256 characters are part of a word: \w in a str pattern of
   Python's re (alphanumeric or the underscore), as model.words reads the text. */
static unsigned char latin1_word[256];

static int
is_word(Py_UCS4 ch)
{
    return ch < 256 ? latin1_word[ch] : Py_UNICODE_ISALNUM(ch);
}

static void
release(Kernel *self)
{
    for (Py_ssize_t i = 0; self->memo != NULL && i < MEMO_SLOTS; i++)
        Py_CLEAR(self->memo[i].entry);
    PyMem_Free(self->memo);
    self->memo = NULL;
    Py_CLEAR(self->words);
    PyMem_Free(self->squares);
    PyMem_Free(self->products);
    PyMem_Free(self->bias);
    PyMem_Free(self->pair_keys);
    PyMem_Free(self->pair_values);
    self->squares = self->products = self->bias = NULL;
    self->pair_keys = NULL;
    self->pair_values = NULL;
    self->features = self->width = 0;
}

static void
Kernel_dealloc(Kernel *self)
{
    release(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static uint64_t
mixed(uint64_t key)
{
    /* splitmix64's finaliser: the indices are small and close, the slots must not be */
    key ^= key >> 30;
    key *= 0xbf58476d1ce4e5b9ULL;
    key ^= key >> 27;
    key *= 0x94d049bb133111ebULL;
    return key ^ (key >> 31);
}

static Py_ssize_t
pair_feature(Kernel *self, Py_ssize_t first, Py_ssize_t second)
{
    uint64_t key = ((uint64_t)first << 32) | (uint64_t)second;
    for (uint64_t slot = mixed(key) & self->pair_mask;; slot = (slot + 1) & self->pair_mask) {
        if (self->pair_keys[slot] == key)
            return self->pair_values[slot];
        if (self->pair_keys[slot] == EMPTY)
            return -1;
    }
}

/* Each value of the sequence through `read`; -1 with an exception set on a wrong one. */
static int
read_each(PyObject *sequence, Py_ssize_t count, const char *what,
          int (*read)(PyObject *, void *, Py_ssize_t), void *into)
{
    PyObject *fast = PySequence_Fast(sequence, what);
    if (fast == NULL)
        return -1;
    int failed = PySequence_Fast_GET_SIZE(fast) != count;
    if (failed)
        PyErr_Format(PyExc_ValueError, "%s: %zd values, not %zd", what,
                     PySequence_Fast_GET_SIZE(fast), count);
    for (Py_ssize_t i = 0; !failed && i < count; i++)
        failed = read(PySequence_Fast_GET_ITEM(fast, i), into, i) < 0;
    Py_DECREF(fast);
    return failed ? -1 : 0;
}

static int
read_double(PyObject *value, void *into, Py_ssize_t i)
{
    double d = PyFloat_AsDouble(value);
    ((double *)into)[i] = d;
    return d == -1.0 && PyErr_Occurred() ? -1 : 0;
}

/* A copy of the buffer's bytes, which must be `count` items of `size` bytes; NULL with
   an exception set otherwise. */
static void *
copied(const Py_buffer *buffer, Py_ssize_t count, size_t size, const char *what)
{
    if (buffer->len != count * (Py_ssize_t)size) {
        PyErr_Format(PyExc_ValueError, "%s: %zd bytes, not %zd", what, buffer->len,
                     count * (Py_ssize_t)size);
        return NULL;
    }
    void *into = PyMem_Malloc(buffer->len + 1);
    if (into == NULL)
        return PyErr_NoMemory();
    memcpy(into, buffer->buf, buffer->len);
    return into;
}

/* The pairs as model.parse packs them: per pair the indices of its first and second
   word and its own, as 32-bit integers. A pair is found by the indices of its two
   words (each a feature of its own: it occurs wherever the pair does). */
static int
read_pairs(Kernel *self, const Py_buffer *pairs)
{
    const Py_ssize_t triple = 3 * (Py_ssize_t)sizeof(int32_t);
    if (pairs->len % triple != 0) {
        PyErr_SetString(PyExc_ValueError, "pairs: not three 32-bit indices each");
        return -1;
    }
    Py_ssize_t count = pairs->len / triple, capacity = 16;
    while (capacity < 2 * count)
        capacity *= 2;
    self->pair_keys = PyMem_Malloc(capacity * sizeof(uint64_t));
    self->pair_values = PyMem_Malloc(capacity * sizeof(Py_ssize_t));
    if (self->pair_keys == NULL || self->pair_values == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memset(self->pair_keys, 0xff, capacity * sizeof(uint64_t));
    self->pair_mask = (uint64_t)capacity - 1;
    for (Py_ssize_t k = 0; k < count; k++) {
        int32_t ids[3];
        memcpy(ids, (const char *)pairs->buf + k * triple, sizeof ids);
        for (int j = 0; j < 3; j++) {
            if (ids[j] < 0 || ids[j] >= self->features) {
                PyErr_SetString(PyExc_IndexError, "feature index outside the model");
                return -1;
            }
        }
        uint64_t key = ((uint64_t)ids[0] << 32) | (uint64_t)ids[1];
        uint64_t slot = mixed(key) & self->pair_mask;
        while (self->pair_keys[slot] != EMPTY && self->pair_keys[slot] != key)
            slot = (slot + 1) & self->pair_mask;
        self->pair_keys[slot] = key;
        self->pair_values[slot] = ids[2];
    }
    return 0;
}

static int
multiplied(Kernel *self, const double *idf, const int16_t *weights)
{
    Py_ssize_t cells = self->features * self->width;
    self->squares = PyMem_Malloc(self->features * sizeof(double) + 1);
    self->products = PyMem_Malloc(cells * sizeof(double) + 1);
    if (self->squares == NULL || self->products == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t f = 0; f < self->features; f++) {
        double v = idf[f];
        self->squares[f] = v * v;
        for (Py_ssize_t c = 0; c < self->width; c++)
            self->products[f * self->width + c] = weights[f * self->width + c] * v;
    }
    return 0;
}

static int
load(Kernel *self, PyObject *words, const Py_buffer *idf, const Py_buffer *weights,
     const Py_buffer *pairs, PyObject *bias)
{
    self->words = Py_NewRef(words);
    self->features = idf->len / (Py_ssize_t)sizeof(double);
    self->width = PyObject_Length(bias);
    if (self->features >= MAX_FEATURES || self->width <= 0) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "no categories, or too many features");
        return -1;
    }
    self->bias = PyMem_Calloc(self->width, sizeof(double));
    self->memo = PyMem_Calloc(MEMO_SLOTS, sizeof(MemoSlot));
    if (self->bias == NULL || self->memo == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    double *idfs = copied(idf, self->features, sizeof(double), "one idf per feature");
    int16_t *thousandths = idfs == NULL ? NULL
                                        : copied(weights, self->features * self->width,
                                                 sizeof(int16_t), "a weight per feature and category");
    int failed = thousandths == NULL || multiplied(self, idfs, thousandths) < 0;
    PyMem_Free(idfs);
    PyMem_Free(thousandths);
    if (failed
        || read_each(bias, self->width, "one bias per category", read_double, self->bias) < 0
        || read_pairs(self, pairs) < 0)
        return -1;
    return 0;
}

static int
Kernel_init(Kernel *self, PyObject *args, PyObject *kwargs)
{
    static char *names[] = {"words", "idf", "weights", "pairs", "bias", NULL};
    PyObject *words, *bias;
    Py_buffer idf, weights, pairs;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!y*y*y*O", names, &PyDict_Type, &words,
                                     &idf, &weights, &pairs, &bias))
        return -1;
    int failed = 0;
    if (self->words != NULL) {
        /* Made once: a word's __missing__ may run Python while the kernel sums. */
        PyErr_SetString(PyExc_TypeError, "the kernel is made once");
        failed = 1;
    } else if (load(self, words, &idf, &weights, &pairs, bias) < 0) {
        release(self); /* nothing half made is ever used */
        failed = 1;
    }
    PyBuffer_Release(&idf);
    PyBuffer_Release(&weights);
    PyBuffer_Release(&pairs);
    return failed ? -1 : 0;
}

typedef struct {
    uint8_t *seen; /* a bit per feature: counted already (presence, not count) */
    double squares;
    double *sums;  /* per category, in thousandths */
    Py_ssize_t previous; /* the index of the word before, or -1 */
    Py_ssize_t known;    /* words the model knows */
} Sums;

static void
add(Kernel *self, Sums *sums, Py_ssize_t feature)
{
    uint8_t bit = (uint8_t)(1u << (feature & 7));
    if (sums->seen[feature >> 3] & bit)
        return;
    sums->seen[feature >> 3] |= bit;
    const double *products = self->products + feature * self->width;
    sums->squares += self->squares[feature];
    for (Py_ssize_t c = 0; c < self->width; c++)
        sums->sums[c] += products[c];
}

/* What the words table gives for a word as written (its __missing__ makes a new one's). */
static PyObject *
looked_up(PyObject *table, PyObject *word)
{
    PyObject *found = PyDict_GetItemWithError(table, word);
    if (found != NULL)
        return Py_NewRef(found);
    if (PyErr_Occurred())
        return NULL;
    return PyObject_GetItem(table, word);
}

/* The entry of text[first:end] (a new reference), from the memo where it is there. The
   memo is read and written with no Python run in between, so under the GIL no other
   thread sees a slot half written; the table's __missing__ may run Python, after which
   the slot is written whole. */
static PyObject *
entry_of(Kernel *self, PyObject *text, int kind, const void *data, Py_ssize_t first,
         Py_ssize_t end)
{
    Py_ssize_t length = end - first;
    MemoSlot *slot = NULL;
    uint32_t hash = 2166136261u; /* FNV-1a */
    if (kind == PyUnicode_1BYTE_KIND && length <= MEMO_CHARS) {
        const unsigned char *chars = (const unsigned char *)data + first;
        for (Py_ssize_t k = 0; k < length; k++)
            hash = (hash ^ chars[k]) * 16777619u;
        slot = &self->memo[hash & (MEMO_SLOTS - 1)];
        if (slot->entry != NULL && slot->hash == hash && slot->length == length
            && memcmp(slot->chars, chars, length) == 0)
            return Py_NewRef(slot->entry);
    }
    PyObject *raw = PyUnicode_Substring(text, first, end);
    if (raw == NULL)
        return NULL;
    PyObject *entry = looked_up(self->words, raw);
    Py_DECREF(raw);
    if (entry != NULL && slot != NULL) {
        Py_XSETREF(slot->entry, Py_NewRef(entry));
        slot->hash = hash;
        slot->length = (uint8_t)length;
        memcpy(slot->chars, (const unsigned char *)data + first, length);
    }
    return entry;
}

static int
add_word(Kernel *self, Sums *sums, PyObject *entry)
{
    int failed = !PyBytes_Check(entry) || PyBytes_GET_SIZE(entry) % sizeof(int32_t);
    if (failed)
        PyErr_SetString(PyExc_TypeError, "a word's entry is bytes of 32-bit indices");
    Py_ssize_t size = failed ? 0 : PyBytes_GET_SIZE(entry) / (Py_ssize_t)sizeof(int32_t);
    const char *bytes = failed ? NULL : PyBytes_AS_STRING(entry);
    int32_t value;
    if (size > 0) { /* b"" is a number: no word, nor a break between its neighbours */
        memcpy(&value, bytes, sizeof value);
        Py_ssize_t id = value;
        failed = id < -1 || id >= self->features;
        /* A word met before in the text gave all its features then: the word itself is
           one of them, and no other word gives it (its ends and pairs are written
           apart), so its bit set means there is nothing left to add. Most of a mail's
           words are such repeats (»og«, »jeg«, »at«). */
        if (!failed && id >= 0 && (sums->seen[id >> 3] & (1u << (id & 7))))
            size = 1;
        for (Py_ssize_t k = 1; !failed && k < size; k++) {
            memcpy(&value, bytes + k * sizeof value, sizeof value);
            failed = value < 0 || value >= self->features;
            if (!failed)
                add(self, sums, value);
        }
        if (failed) {
            PyErr_SetString(PyExc_IndexError, "feature index outside the model");
        } else {
            sums->known += id >= 0;
            if (sums->previous >= 0 && id >= 0) {
                Py_ssize_t pair = pair_feature(self, sums->previous, id);
                if (pair >= 0)
                    add(self, sums, pair);
            }
            sums->previous = id;
        }
    }
    return failed ? -1 : 0;
}

static PyObject *
logits(Kernel *self, Sums *sums)
{
    double norm = sqrt(sums->squares);
    if (norm == 0.0)
        norm = 1.0;
    PyObject *out = PyList_New(self->width);
    for (Py_ssize_t c = 0; out != NULL && c < self->width; c++) {
        PyObject *logit = PyFloat_FromDouble(self->bias[c] + sums->sums[c] * 0.001 / norm);
        if (logit == NULL)
            Py_CLEAR(out);
        else
            PyList_SET_ITEM(out, c, logit);
    }
    return out;
}

/* Every word of text[start:end], as model.words finds them (it cuts a long text only
   between words, so one pass over the whole text finds the same). */
static int
add_words(Kernel *self, Sums *sums, PyObject *text, Py_ssize_t start, Py_ssize_t end)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const unsigned char *latin1 = kind == PyUnicode_1BYTE_KIND ? data : NULL;
    Py_ssize_t i = start;
    while (i < end) {
        /* (the scanner's text is one byte a character: read as such, with no test of
           the kind at each character) */
        if (latin1 != NULL) {
            while (i < end && !latin1_word[latin1[i]])
                i++;
        } else {
            while (i < end && !is_word(PyUnicode_READ(kind, data, i)))
                i++;
        }
        Py_ssize_t first = i;
        if (latin1 != NULL) {
            while (i < end && latin1_word[latin1[i]])
                i++;
        } else {
            while (i < end && is_word(PyUnicode_READ(kind, data, i)))
                i++;
        }
        if (first == i)
            break;
        PyObject *entry = entry_of(self, text, kind, data, first, i);
        if (entry == NULL)
            return -1;
        int failed = add_word(self, sums, entry);
        Py_DECREF(entry);
        if (failed)
            return -1;
    }
    return 0;
}

/* The sums of text[start:end]'s words, or NULL with an exception set. `make` gives
   the result from the sums. */
static PyObject *
summed(Kernel *self, PyObject *text, Py_ssize_t start, Py_ssize_t end,
       PyObject *(*make)(Kernel *, Sums *))
{
    if (self->words == NULL) {
        PyErr_SetString(PyExc_ValueError, "the kernel has no model");
        return NULL;
    }
    if (start < 0 || start > end || end > PyUnicode_GET_LENGTH(text)) {
        PyErr_SetString(PyExc_IndexError, "a span outside the text");
        return NULL;
    }
    /* Per call, not per kernel: a scan's state is its own, so threads may share a kernel
       whatever a word's __missing__ does meanwhile (about 2 KB, calloc'd in well under
       a microsecond). */
    Sums sums = {PyMem_Calloc(self->features / 8 + 1, 1), 0.0,
                 PyMem_Calloc(self->width, sizeof(double)), -1, 0};
    PyObject *result = NULL;
    if (sums.seen == NULL || sums.sums == NULL)
        PyErr_NoMemory();
    else if (add_words(self, &sums, text, start, end) == 0)
        result = make(self, &sums);
    PyMem_Free(sums.seen);
    PyMem_Free(sums.sums);
    return result;
}

static PyObject *
known_and_logits(Kernel *self, Sums *sums)
{
    PyObject *found = logits(self, sums);
    return found == NULL ? NULL : Py_BuildValue("(nN)", sums->known, found);
}

static PyObject *
weights(Kernel *self, Sums *sums)
{
    PyObject *out = PyList_New(self->width);
    for (Py_ssize_t c = 0; out != NULL && c < self->width; c++) {
        PyObject *weight = PyFloat_FromDouble(sums->sums[c] * 0.001);
        if (weight == NULL)
            Py_CLEAR(out);
        else
            PyList_SET_ITEM(out, c, weight);
    }
    return out;
}

static PyObject *
Kernel_score(Kernel *self, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "the text must be a str");
        return NULL;
    }
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(text) < 0) /* ("U" below makes it so for weigh) */
        return NULL;
#endif
    return summed(self, text, 0, PyUnicode_GET_LENGTH(text), known_and_logits);
}

static PyObject *
Kernel_weigh(Kernel *self, PyObject *args)
{
    PyObject *text;
    Py_ssize_t start, end;
    if (!PyArg_ParseTuple(args, "Unn:weigh", &text, &start, &end))
        return NULL;
    return summed(self, text, start, end, weights);
}

static PyMethodDef Kernel_methods[] = {
    {"score", (PyCFunction)Kernel_score, METH_O,
     "score(text) -> (words known, logit per category), as Model._score_in_python."},
    {"weigh", (PyCFunction)Kernel_weigh, METH_VARARGS,
     "weigh(text, start, end) -> weight per category of text[start:end], as "
     "Model._weigh_in_python."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject KernelType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "borgerpost.pure.scanner._kernel.Kernel",
    .tp_doc = "The guard model's sums over a text's words (see model.py).",
    .tp_basicsize = sizeof(Kernel),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Kernel_init,
    .tp_dealloc = (destructor)Kernel_dealloc,
    .tp_methods = Kernel_methods,
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_kernel", "The guard model's sums in C (see model.py).", -1, NULL,
};

PyMODINIT_FUNC
PyInit__kernel(void)
{
    for (Py_UCS4 ch = 0; ch < 256; ch++)
        latin1_word[ch] = ch == '_' || Py_UNICODE_ISALNUM(ch);
    if (PyType_Ready(&KernelType) < 0)
        return NULL;
    PyObject *created = PyModule_Create(&module);
    if (created == NULL)
        return NULL;
    if (PyModule_AddObjectRef(created, "Kernel", (PyObject *)&KernelType) < 0) {
        Py_DECREF(created);
        return NULL;
    }
    return created;
}
