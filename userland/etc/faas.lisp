;;; /etc/faas.lisp - the library of /bin/faas: a prelude of list procedures, then the functions
;;; that can be invoked (each named by provide). The zygote reads and evaluates this file once,
;;; at start-up; every call then runs in a forked copy that has it all ready.
;;;
;;; A function's arguments come from JSON or form data; it refuses ones it cannot use with
;;; (bad-argument "...") (HTTP 400), and its result goes back as JSON: a list is an array, an
;;; association list (("key" . value) ...) an object.

;;; ---- the prelude ----

;; map, filter, take and merge build their result backwards in a loop and reverse it: a loop is
;; a tail call, so a list of any length takes no C stack (a non-tail recursion is limited)
(define (map f list)
  (let loop ((list list) (acc '()))
    (if (null? list) (reverse acc) (loop (cdr list) (cons (f (car list)) acc)))))

(define (for-each f list)
  (if (null? list) '() (begin (f (car list)) (for-each f (cdr list)))))

(define (filter keep? list)
  (let loop ((list list) (acc '()))
    (cond ((null? list) (reverse acc))
          ((keep? (car list)) (loop (cdr list) (cons (car list) acc)))
          (else (loop (cdr list) acc)))))

;; (fold f init (a b c)) is (f (f (f init a) b) c)
(define (fold f acc list)
  (if (null? list) acc (fold f (f acc (car list)) (cdr list))))

(define (sum list) (fold + 0 list))

;; (range a b): the integers a, a+1, ..., b-1
(define (range a b)
  (let loop ((i (- b 1)) (acc '()))
    (if (< i a) acc (loop (- i 1) (cons i acc)))))

(define (list-tail list k)
  (if (= k 0) list (list-tail (cdr list) (- k 1))))

(define (take list k)
  (let loop ((list list) (k k) (acc '()))
    (if (or (= k 0) (null? list)) (reverse acc) (loop (cdr list) (- k 1) (cons (car list) acc)))))

(define (assoc key alist)
  (cond ((null? alist) #f)
        ((equal? key (car (car alist))) (car alist))
        (else (assoc key (cdr alist)))))

(define (member x list)
  (cond ((null? list) #f)
        ((equal? x (car list)) list)
        (else (member x (cdr list)))))

;; merge sort: stable, n log n; (less? a b) says a goes before b
(define (merge a b less?)
  (let loop ((a a) (b b) (acc '()))
    (cond ((null? a) (append (reverse acc) b))
          ((null? b) (append (reverse acc) a))
          ((less? (car b) (car a)) (loop a (cdr b) (cons (car b) acc)))
          (else (loop (cdr a) b (cons (car a) acc))))))

(define (sort list less?)
  (let ((n (length list)))
    (if (< n 2)
        list
        (let ((half (quotient n 2)))
          (merge (sort (take list half) less?)
                 (sort (list-tail list half) less?)
                 less?)))))

(define (string-join strings separator)
  (if (null? strings)
      ""
      (fold (lambda (acc s) (string-append acc separator s)) (car strings) (cdr strings))))

;; refuse an argument the function cannot use: HTTP 400 with the message
(define (require ok? message)
  (if (not ok?) (bad-argument message)))

(define (natural? n) (and (integer? n) (>= n 0)))

;;; ---- the functions ----

;; FunctionBench's float_operation: n rounds of sin, cos and sqrt. FunctionBench's returns the
;; time it took; this one returns the sum of what it computed, which a caller can check (and
;; which makes sure the work is done).
(define (float_operation n)
  (require (natural? n) "n must be a non-negative integer")
  (let loop ((i 0) (total 0.0))
    (if (= i n)
        total
        (loop (+ i 1) (+ total (sin i) (cos i) (sqrt i))))))

;; the n-th Fibonacci number, by the doubly recursive definition: about 1.6^n calls
(define (fib n)
  (require (natural? n) "n must be a non-negative integer")
  (fibonacci n))

(define (fibonacci n)
  (if (< n 2) n (+ (fibonacci (- n 1)) (fibonacci (- n 2)))))

;; the words of text (split at white space, ASCII letters in lower case) with how often each
;; occurs, the most frequent first (then in alphabetical order), as an object {"word": count, ...}
(define (word_count text)
  (require (string? text) "text must be a string")
  (sort (count-runs (sort (map string-downcase (string-split text)) string<?))
        (lambda (a b)
          (or (> (cdr a) (cdr b))
              (and (= (cdr a) (cdr b)) (string<? (car a) (car b)))))))

;; a sorted list of words -> ((word . how many times it occurs in a row) ...)
(define (count-runs words)
  (if (null? words)
      '()
      (let loop ((words (cdr words)) (word (car words)) (n 1) (acc '()))
        (cond ((null? words) (reverse (cons (cons word n) acc)))
              ((string=? (car words) word) (loop (cdr words) word (+ n 1) acc))
              (else (loop (cdr words) (car words) 1 (cons (cons word n) acc)))))))

;; the primes below n, by the sieve of Eratosthenes on a list
(define (primes n)
  (require (natural? n) "n must be a non-negative integer")
  (let sieve ((candidates (range 2 n)) (found '()))
    (if (null? candidates)
        (reverse found)
        (let ((p (car candidates)))
          (sieve (filter (lambda (k) (not (= (remainder k p) 0))) (cdr candidates))
                 (cons p found))))))

(provide 'float_operation
         "FunctionBench's float_operation: the sum of sin i + cos i + sqrt i for i below n")
(provide 'fib "the n-th Fibonacci number, computed by the doubly recursive definition")
(provide 'word_count "each word of text (lower case) and how often it occurs")
(provide 'primes "the primes below n (the sieve of Eratosthenes)")
