# echo's octal escapes, as dash has them: \0NNN (XSI) and also \NNN, one to three octal digits
# whose first is not 0; a digit that is not octal ends the number.
echo '\101\102C'
echo '\0101\060'
echo 'x\61y\618z'
echo '\1x' '\11y' '\111z'
echo '\9 \8 stay'
echo 'stop\143here'
