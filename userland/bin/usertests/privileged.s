// usertests' one piece of assembly: C has no way to write a system register.
        .text
        .global write_timer
        .type write_timer, %function
write_timer:
        mov     x0, #1
        msr     timer, x0           // only PCC with System may: a μprocess has none -> SIGPROT
        ret
        .size write_timer, .-write_timer
