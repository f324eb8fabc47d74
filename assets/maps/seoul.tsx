<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="seoul" tilewidth="32" tileheight="32" tilecount="96" columns="8">
 <image source="../images/tiles/seoul.png" width="256" height="384"/>
 <!-- roof -->
 <tile id="16">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- roof_edge -->
 <tile id="17">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- brick -->
 <tile id="18">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- brick_base -->
 <tile id="19">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- concrete -->
 <tile id="20">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- concrete_base -->
 <tile id="21">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- brick_pipe -->
 <tile id="22">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- brick_window -->
 <tile id="23">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- concrete_window -->
 <tile id="24">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- concrete_ac -->
 <tile id="25">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- door -->
 <tile id="26">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- shutter -->
 <tile id="27">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- shopfront.0,0 -->
 <tile id="28">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- shopfront.1,0 -->
 <tile id="29">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- shopfront.2,0 -->
 <tile id="30">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- shop_door -->
 <tile id="31">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- neon_arrow -->
 <tile id="35">
  <animation>
   <frame tileid="35" duration="400"/>
   <frame tileid="36" duration="400"/>
  </animation>
 </tile>
 <!-- vending.0,0 -->
 <tile id="39">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- neon_h.0,0 -->
 <tile id="40">
  <animation>
   <frame tileid="40" duration="2200"/>
   <frame tileid="42" duration="90"/>
   <frame tileid="40" duration="140"/>
   <frame tileid="42" duration="70"/>
   <frame tileid="40" duration="1600"/>
   <frame tileid="44" duration="400"/>
  </animation>
 </tile>
 <!-- neon_h.1,0 -->
 <tile id="41">
  <animation>
   <frame tileid="41" duration="2200"/>
   <frame tileid="43" duration="90"/>
   <frame tileid="41" duration="140"/>
   <frame tileid="43" duration="70"/>
   <frame tileid="41" duration="1600"/>
   <frame tileid="45" duration="400"/>
  </animation>
 </tile>
 <!-- vending.0,1 -->
 <tile id="47">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- neon_v.0,0 -->
 <tile id="48">
  <animation>
   <frame tileid="48" duration="1800"/>
   <frame tileid="49" duration="500"/>
   <frame tileid="48" duration="900"/>
   <frame tileid="50" duration="90"/>
   <frame tileid="48" duration="120"/>
   <frame tileid="50" duration="60"/>
  </animation>
 </tile>
 <!-- lamp.0,2 -->
 <tile id="54">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- crates -->
 <tile id="55">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- neon_v.0,1 -->
 <tile id="56">
  <animation>
   <frame tileid="56" duration="1800"/>
   <frame tileid="57" duration="500"/>
   <frame tileid="56" duration="900"/>
   <frame tileid="58" duration="90"/>
   <frame tileid="56" duration="120"/>
   <frame tileid="58" duration="60"/>
  </animation>
 </tile>
 <!-- box -->
 <tile id="61">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- plant -->
 <tile id="62">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- trash -->
 <tile id="63">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- bin -->
 <tile id="64">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- bollard -->
 <tile id="65">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- bicycle.0,0 -->
 <tile id="66">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- bicycle.1,0 -->
 <tile id="67">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- sign_board -->
 <tile id="68">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- cat -->
 <tile id="69">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- eunha_sign.0,0 -->
 <tile id="72">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- eunha_sign.1,0 -->
 <tile id="73">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- eunha_sign.2,0 -->
 <tile id="74">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- eunha_window.0,0 -->
 <tile id="75">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- eunha_window.1,0 -->
 <tile id="76">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- eunha_door -->
 <tile id="77">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- scooter.0,0 -->
 <tile id="78">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- scooter.1,0 -->
 <tile id="79">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- hologram.0,0 -->
 <tile id="80">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="80" duration="2400"/>
   <frame tileid="82" duration="160"/>
   <frame tileid="80" duration="300"/>
   <frame tileid="82" duration="90"/>
   <frame tileid="84" duration="1600"/>
  </animation>
 </tile>
 <!-- hologram.1,0 -->
 <tile id="81">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="81" duration="2400"/>
   <frame tileid="83" duration="160"/>
   <frame tileid="81" duration="300"/>
   <frame tileid="83" duration="90"/>
   <frame tileid="85" duration="1600"/>
  </animation>
 </tile>
 <!-- hologram.0,0@1 -->
 <tile id="82">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- hologram.1,0@1 -->
 <tile id="83">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- hologram.0,0@2 -->
 <tile id="84">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- hologram.1,0@2 -->
 <tile id="85">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- posters.0,0 -->
 <tile id="86">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- phone_booth.0,0 -->
 <tile id="87">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- posters.0,1 -->
 <tile id="94">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- phone_booth.0,1 -->
 <tile id="95">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
</tileset>
